<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de">
<context>
    <name>AccountEditor</name>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The credentials work.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connected: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AccountModel</name>
    <message>
        <source>Not refreshed yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Up to date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert …</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Credentials missing</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AccountService</name>
    <message>
        <source>%1 needs the field "%2".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No such account.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AccountStore</name>
    <message>
        <source>The account needs a name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An account named "%1" already exists; choose another name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The account needs a provider.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown provider "%1". Known providers: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The endpoint "%1" is not an http(s) URL such as https://api.example.com/v1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A pinned certificate must be a SHA-256 fingerprint: 64 hex digits.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No such account.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AccountsPane</name>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message numerus="yes">
        <source>%n machine(s)</source>
        <translation>
            <numerusform>%n Maschine</numerusform><numerusform>%n Maschinen</numerusform></translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert …</translation>
    </message>
    <message>
        <source>Offline · data from %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Credentials missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>All machines, %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All machines</source>
        <translation>Alle Maschinen</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account actions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
</context>
<context>
    <name>AddAccountSheet</name>
    <message>
        <source>Edit account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a cloud account</source>
        <translation>Cloud-Konto hinzufügen</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose where your machines run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account added</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (demo, simulated on this computer)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Simulated, no sign-up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Where do I find this?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A small simulated fleet that lives on this computer. Nothing is sent anywhere and nothing costs money.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <source>e.g. Work, Personal, Client X</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>API endpoint</source>
        <translation>API-Endpunkt</translation>
    </message>
    <message>
        <source>Only for compatible clouds or private installations. Leave empty to use %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the default</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trusted certificate (SHA-256): %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server's certificate is not trusted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trust it only if this fingerprint matches the one your cloud's administrator gave you. CloudDeck will then accept exactly this certificate for this account, and no other.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove account…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>%1 on %2 failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The provider plugin "%1" is not installed.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1: %n machine(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>%1 copied</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>This machine has no address to connect to yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set an SSH command in Settings first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not start "%1". Check the SSH command in Settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opening SSH to %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Removed %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cache cleared; refreshing</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Close search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert …</translation>
    </message>
    <message>
        <source>Refresh all accounts</source>
        <translation>Alle Konten aktualisieren</translation>
    </message>
    <message>
        <source>New machine</source>
        <translation>Neue Maschine</translation>
    </message>
    <message>
        <source>Create a machine (Ctrl+N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>BulkActionDialog</name>
    <message numerus="yes">
        <source>%1 %n machine(s)?</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>These machines and their disks are deleted, with everything stored on them. This cannot be undone.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n selected machine(s) cannot do this in their current state and will be left alone.</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Type &lt;b&gt;%1&lt;/b&gt; to confirm</source>
        <translation>Zur Bestätigung &lt;b&gt;%1&lt;/b&gt; eingeben</translation>
    </message>
    <message>
        <source>Type the number of machines to confirm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>%1 %n machine(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>OK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>CreateMachineSheet</name>
    <message>
        <source>New machine</source>
        <translation>Neue Maschine</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CredentialFields</name>
    <message>
        <source>Leave empty to keep the stored value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hide %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>No credentials are stored for this account yet; enter them again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keychain is locked (%1). Unlock it (log in to your desktop session, or open your keyring manager) and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Access to the keychain was denied (%1). Unlock the keychain and allow CloudDeck to use it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The system keychain is not available (%1). CloudDeck stores secrets only there: install and start a Secret Service provider such as gnome-keyring or KWallet, and unlock it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The system keychain is not available (%1). Unlock it and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The stored credentials for this account are unreadable; enter them again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DemoBadge</name>
    <message>
        <source>Demo: simulated on this computer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DestroyDialog</name>
    <message>
        <source>Destroy %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Destroy %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <source>This deletes the machine and its disks on %1 (account %2). Everything stored on it is lost and cannot be recovered.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Billing of %1 stops.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type &lt;b&gt;%1&lt;/b&gt; to confirm</source>
        <translation>Zur Bestätigung &lt;b&gt;%1&lt;/b&gt; eingeben</translation>
    </message>
    <message>
        <source>Type the machine name to confirm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Destroy machine</source>
        <translation>Maschine löschen</translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <source>Back to machines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open SSH</source>
        <translation>SSH öffnen</translation>
    </message>
    <message>
        <source>SSH</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert …</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Aktualisiert %1</translation>
    </message>
    <message>
        <source>Not refreshed yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sort: %1</source>
        <translation>Sortierung: %1</translation>
    </message>
    <message>
        <source>Sort by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Descending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show as list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show as grid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
</context>
<context>
    <name>FilterChip</name>
    <message>
        <source>%1, %2 machines</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1/mo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1/h</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 GB</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n vCPU</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>%1 GB disk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 min ago</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 h ago</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <source>%n machine(s)</source>
        <translation>
            <numerusform>%n Maschine</numerusform><numerusform>%n Maschinen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n Konto</numerusform><numerusform>%n Konten</numerusform></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 on %2, about %3/mo</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>The server's reply is not valid JSON (%1 at byte %2); it may have been cut off.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's reply is JSON but not an object.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HttpErrorText</name>
    <message>
        <source>"%1" is not a valid http(s) URL.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refusing to send credentials over plain http to %1: use https (plain http is only allowed to this computer).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The provider kept returning more pages after %1; stopped to avoid a loop.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 did not answer within %2 s. Check your connection, or try again later.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The certificate of %1 has changed (it now presents SHA-256 %2) and no longer matches the one pinned for this account. If the change is expected, pin the new fingerprint; otherwise someone may be intercepting the connection.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Secure connection to %1 failed: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The certificate of %1 is not trusted (%2). If this is your own private cloud with a self-signed certificate, pin its SHA-256 fingerprint %3 for this account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The credentials were rejected (%1). Check the token or key, or create a new one and update the account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The credentials are valid but not allowed to do this (%1). Give the token the permission it needs (e.g. write access).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not found (%1). It may have been deleted already, or the account's endpoint is wrong.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The provider is limiting how fast we may ask (%1). CloudDeck slows down and tries again; wait a moment.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The provider had a problem on its side (%1). Try again in a few minutes; check the provider's status page if it persists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The provider refused the request (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The reply from %1 was cut off before it was complete. Try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 answered with a redirect to %2. CloudDeck does not follow redirects, so credentials never go anywhere else: check the account's endpoint (https, host and path).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot find the host %1. Check your network connection and the account's endpoint.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 refused the connection. Check the account's endpoint.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 closed the connection before answering. Try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot reach %1: %2. Check your network connection.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>IconButton</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Inventory</name>
    <message>
        <source>never</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>The account was removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The account changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The account changed while the action was in progress; refresh to see its outcome.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No such account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 was not confirmed by the provider within %2 s; the machine shows its last known state. Refresh to check again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The machine no longer exists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 failed: the provider reports the machine in an error state.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InventoryCache</name>
    <message>
        <source>The offline cache %1 cannot be created: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it was written by a newer CloudDeck (schema %1, this one knows %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it is not a CloudDeck cache</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The offline cache could not be used (%1) and was cleared. It will be rebuilt by the next refresh.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The offline cache could not be used (%1). It was moved to %2 and will be rebuilt by the next refresh.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>IpButton</name>
    <message>
        <source>Copy IP address %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No public IP address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy IP address</source>
        <translation>IP-Adresse kopieren</translation>
    </message>
    <message>
        <source>no public IP</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>The provider's reply is not in the documented form (%1). Nothing was changed; try again later.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MachineAction</name>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Shut down</source>
        <translation>Herunterfahren</translation>
    </message>
    <message>
        <source>Power off</source>
        <translation>Ausschalten</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Destroy</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>MachineCard</name>
    <message>
        <source>%1, %2, %3, %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no public IP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Actions for %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MachineCreator</name>
    <message>
        <source>Account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>SSH keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Choose the account to create the machine in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a region.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not accepting new machines at the moment.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a size.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not offered in this region; choose another size.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is sold out at the moment; choose another size.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose an image.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give the machine a name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use letters, digits, dots and dashes, starting and ending with a letter or digit (at most 63 characters).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This account already has a machine called %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tags may use letters, digits and : . _ - only; "%1" does not.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MachineDetails</name>
    <message>
        <source>Details of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Machine details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No machine selected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a machine to see its addresses, cost and actions.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Destroy…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Destroy this machine (Delete)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Public IP</source>
        <translation>Öffentliche IP</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>Open SSH</source>
        <translation>SSH öffnen</translation>
    </message>
    <message>
        <source>Copy SSH command</source>
        <translation>SSH-Befehl kopieren</translation>
    </message>
    <message>
        <source>SSH command</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Private IP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IPv6</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not confirmed yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Provider state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
</context>
<context>
    <name>MachineFilters</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
</context>
<context>
    <name>MachineMenu</name>
    <message>
        <source>Open details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy IP address</source>
        <translation>IP-Adresse kopieren</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>Copy SSH command</source>
        <translation>SSH-Befehl kopieren</translation>
    </message>
    <message>
        <source>SSH command</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open SSH</source>
        <translation>SSH öffnen</translation>
    </message>
    <message>
        <source>Select</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Destroy…</source>
        <translation>Löschen …</translation>
    </message>
</context>
<context>
    <name>MachineRow</name>
    <message>
        <source>%1, %2, %3, %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no public IP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Actions for %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>MachineState</name>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet …</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stoppt …</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Rebooting…</source>
        <translation>Startet neu …</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird erstellt …</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Destroyed</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>MachinesPane</name>
    <message>
        <source>Offline - showing data from %1 (%2)</source>
        <translation>Offline – Daten von %1 (%2)</translation>
    </message>
    <message>
        <source>Offline - no data could be loaded yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Sort by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Public IP</source>
        <translation>Öffentliche IP</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>Release to refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pull to refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No machines match</source>
        <translation>Keine passenden Maschinen</translation>
    </message>
    <message>
        <source>Nothing matches the search and filters you chose.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Loading machines…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No machines yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Asking your clouds what is running.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your accounts have no machines. Create one to get started.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New machine</source>
        <translation>Neue Maschine</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Select all shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2 of the selected)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>CloudDeck</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove %1?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CloudDeck forgets this account and its stored credentials. Your machines on %1 are not touched.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear the offline cache?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CloudDeck forgets the machines and catalogs it saved and loads them again from your clouds. Accounts and credentials stay.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear cache</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Provider</name>
    <message>
        <source>creating machines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>listing regions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>listing sizes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>listing images</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>listing SSH keys</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProviderRegistry</name>
    <message>
        <source>No provider plugin "%1" is installed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The provider plugin "%1" could not be loaded: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Search names, IPs, tags, regions…</source>
        <translation>Namen, IPs, Tags, Regionen suchen …</translation>
    </message>
    <message>
        <source>Search machines</source>
        <translation>Maschinen suchen</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsSheet</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Density</source>
        <translation>Dichte</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Touch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Automatic uses larger rows and targets when this device has a touch screen.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>30 seconds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>2 minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>5 minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>15 minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refresh interval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>While a machine changes state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>3 seconds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>5 seconds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>10 seconds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refresh interval during transitions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>F5 or pulling the list down refreshes at once.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SSH</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SSH user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Terminal command</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SSH command template</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{user} and {host} are replaced. The command runs without a shell.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tell me when a machine changes state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shown by the tray icon, where the desktop has a tray.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cached machines and catalogs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kept so CloudDeck starts at once and works offline. Accounts and secrets are not in the cache.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear cache…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CloudDeck %1 · Qt %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Sheet</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SshPublicKey</name>
    <message>
        <source>There is no SSH key "%1" in this account. Add it in the provider's console first, or choose another key.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StateChip</name>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TagChip</name>
    <message>
        <source>Tag %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message>
        <source>%1 is now %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Machine changed state</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n machine(s) changed state</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Welcome to CloudDeck</source>
        <translation>Willkommen bei CloudDeck</translation>
    </message>
    <message>
        <source>Every machine on every cloud, in one list: see what runs, what it costs, and start, stop or reach any of them in a tap. Add the account of a cloud you use, or try the demo first; it runs entirely on this computer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a cloud</source>
        <translation>Cloud hinzufügen</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Demo ausprobieren</translation>
    </message>
    <message>
        <source>Works with</source>
        <translation>Funktioniert mit</translation>
    </message>
</context>
<context>
    <name>WizardView</name>
    <message>
        <source>Creating %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Step %1: %2%3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>, done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>, current</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Which account should the machine belong to?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (demo)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>None of your accounts can create machines. Add an account first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Where should it run?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · not accepting new machines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How big?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> · sold out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Which system?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your snapshot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Application image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Which SSH keys may log in?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This account has no SSH keys. You can still create the machine and log in with the provider's console or password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Without a key you will need the provider's console or a root password to log in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name and tags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>e.g. web-3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Machine name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>production, web</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Separate tags with commas or spaces.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Review</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>SSH keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Costs about %1 (%2), billed by the provider while the machine exists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading the catalog…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Create machine</source>
        <translation>Maschine erstellen</translation>
    </message>
</context>
</TS>