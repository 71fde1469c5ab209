#pragma once

class QQuickWindow;
class Shooter;

/// "Import from installed tools" as a user of doctl, hcloud and the AWS CLI meets it: files in
/// the formats of the tools' documentation in the program's private HOME, the rows they give
/// (importable, not importable with the reason), and one whose Verify failed. In the three
/// window shapes, light and dark. Leaves the add-account sheet closed and the window as it was
/// (1280x800 light compact).
void shootToolImport(Shooter &shooter, QQuickWindow *window);
