#pragma once

/**
 * @brief CloudDeck's compiled translations (the .qm files of this folder, in the resources at
 * :/clouddeck/i18n), shared by the GUI and the CLI so that both speak the same words and the
 * same plurals ("1 machine", "2 machines").
 */
class Translations
{
public:
    /// Loads the translation for the user's language, else English (which holds the English
    /// plural forms), into the application. Call once, after the application object exists.
    static void install();
};
