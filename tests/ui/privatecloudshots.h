#pragma once

class QQuickWindow;
class Shooter;

/// The add-account forms of the private clouds, as their users meet them: OpenStack with its
/// "Import clouds.yaml…" and the clear error a file without an auth_url gets, and Proxmox VE
/// meeting its self-signed certificate and offering to pin it by fingerprint (a local HTTPS
/// server stands in for the Proxmox host). Leaves the add-account sheet closed.
void shootPrivateCloudForms(Shooter &shooter, QQuickWindow *window);
