<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
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
    <message>
        <source>Loaded the %1: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown credential file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not an API address. Enter a full URL such as %2, or leave the field empty for the default.</source>
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
        <translation type="unfinished" />
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
    <message>
        <source>1 machine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%n machines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline · data from %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refresh failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting: %1; again at %2</source>
        <extracomment>"Waiting: api.hetzner.cloud asked to wait (HTTP 429); again at 10:42:13"</extracomment>
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
    <message>
        <source>the account settings %1 are not a file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the account settings %1 cannot be read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the account settings %1 are unreadable (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not a settings file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>access denied</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the account settings %1 do not exist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the account settings %1 are unreadable (no complete account)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An account name cannot contain control characters (such as a line break or an escape character).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The endpoint must not contain a user name or password (%1); credentials are entered separately and kept in the keychain.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The endpoint is not a valid URL (%1); give an http(s) URL such as https://api.example.com/v1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AccountsCommand</name>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>accounts: say list, add, verify, edit, remove or import.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown accounts command "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID</source>
        <extracomment>Column headers of `clouddeck-cli providers`.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NAME</source>
        <extracomment>Column headers of `clouddeck-cli accounts list`.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ENDPOINT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CREDENTIALS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (secret)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No accounts yet. Add one with: clouddeck-cli accounts add --provider ID --name NAME</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PROVIDER</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expected %1 on standard input (one per line), or run in a terminal to be prompted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--pin-cert takes a SHA-256 fingerprint: 64 hex digits, colons allowed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown provider "%1". Known providers: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Provider id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>API base URL override.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Regions to include.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trust this certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save without checking the credentials.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>accounts add takes no positional arguments; secrets are read from standard input.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>accounts add needs --provider.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>accounts add needs --name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Added %1 account "%2" (%3).</source>
        <extracomment>%1 is the provider ("DigitalOcean"), %2 the account's name, %3 its id.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>accounts verify takes one account name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OK: "%1" signs in as %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Forget the pinned certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Read a new secret from standard input.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>accounts edit takes one account name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved account "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Confirm the removal.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>accounts remove takes one account name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Removing "%1" deletes its stored secret and cached machines (the machines themselves are not touched). Add --yes to confirm.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Removed account "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Read OpenStack's clouds.yaml (and secure.yaml beside it).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import only this cloud.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save without signing in first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>accounts import: unexpected "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Imported OpenStack account "%1" (%2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--endpoint needs a URL (to go back to the provider's own API: accounts edit NAME --endpoint default).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--endpoint "%1" is not a valid URL (%2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>API base URL override (`default`: the provider's own).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>accounts import reads --clouds-yaml [FILE] [--cloud NAME], or --from-tools [--tool NAME] [--yes].</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AccountsPane</name>
    <message>
        <source>Accounts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add an account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All machines, %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All machines</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. Work, Personal, Client X</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>API endpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only for compatible clouds or private installations. Leave empty to use %1.</source>
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verify</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import clouds.yaml…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Adds every cloud of an OpenStack clouds.yaml (with the secure.yaml beside it), or fill in one below.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import clouds.yaml</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OpenStack configuration (*.yaml *.yml)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This cloud's own address: for OpenStack, the identity (Keystone) URL, auth_url in clouds.yaml.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>%1 on %2 failed</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1: %n machine(s)</source>
        <translation>
            <numerusform>%1: %n machine</numerusform>
            <numerusform>%1: %n machines</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 copied</source>
        <translation type="unfinished" />
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
        <source>Offline cache cleared; refreshing</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <source>Accounts</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refresh all accounts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New machine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create a machine (Ctrl+N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AwsMetrics</name>
    <message>
        <source>CloudWatch's GetMetricData reply is not readable (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CloudWatch answered %1 for %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CloudWatch has no EBS figures for this instance in this range (it was stopped, or it is an older Xen type without EBS metrics).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CloudWatch has no data for this instance in this range (it was stopped or is new).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Allow cloudwatch:GetMetricData in the access key's IAM policy (add cloudwatch:GetMetricData to see AWS metrics).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AwsProvider</name>
    <message>
        <source>%1 (region %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Allow ec2:%1 in the access key's IAM policy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This AWS account has no access key id or secret access key. Edit the account and enter both.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not an AWS region id such as us-east-1. Fix the account's regions.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>access key %1, EC2 in %n region(s)</source>
        <translation>
            <numerusform>access key %1, EC2 in %n region</numerusform>
            <numerusform>access key %1, EC2 in %n regions</numerusform>
        </translation>
    </message>
    <message>
        <source>No instance %1 in this account's regions. It may have been terminated and removed already.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AWS instance id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not an AWS region id such as us-east-1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AWS returned the same NextToken twice for %1; stopped to avoid a loop.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AWS sent a reply CloudDeck cannot read (%1). Try again; if it persists, check the account's endpoint.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AWS did not accept the reboot of %1.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n vCPU</source>
        <translation>
            <numerusform>%n vCPU</numerusform>
            <numerusform>%n vCPU</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 GB local disk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> Check the secret access key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> Check that this computer's clock is right.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> Enable the region in the AWS console, or remove it from the account's regions.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (request ID %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose an image (AMI) and an instance type.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>EC2 starts an instance with one key pair; choose one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This AWS key may not read prices: add pricing:GetProducts to its IAM policy to see AWS costs.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The AWS Price List sent an unexpected reply: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This AWS key may not list EBS volumes: add ec2:DescribeVolumes to its IAM policy to see what the disks of stopped instances cost.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AWS sent a DescribeVolumes reply CloudDeck cannot read (%1).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AzureMetrics</name>
    <message>
        <source>Azure Monitor's metrics (%1) are not readable.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Azure Monitor: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Azure Monitor returned no %1 metric for this virtual machine.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Azure Monitor reported no data for this virtual machine in this range.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No measurements: the virtual machine was deallocated or stopped.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AzureOperation</name>
    <message>
        <source>Azure accepted the request but named no operation to follow.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Azure named an operation on another host (%1); CloudDeck does not follow it there.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AzurePriceBook</name>
    <message>
        <source>, Linux price</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AzureProvider</name>
    <message>
        <source>This Azure account has no tenant id, client id or client secret. Edit the account and enter all three.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a tenant id: use the directory's GUID or its domain (contoso.onmicrosoft.com).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a subscription id (a GUID). Fix the account's subscriptions.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The service principal %1 signs in but can read no subscription. Give it a role (e.g. Virtual Machine Contributor) on the subscriptions CloudDeck should show.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>service principal %1, %n subscription(s)</source>
        <translation>
            <numerusform>service principal %1, %n subscription</numerusform>
            <numerusform>service principal %1, %n subscriptions</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (subscription %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Azure's next-page link leads to another host (%1); CloudDeck did not follow it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not an Azure location such as eastus.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No SSH public key "%1" in Azure. Give its name, its id or the key itself.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No virtual network in %1. Create one (with a subnet) in the portal, or choose another region.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No subnet "%1" in %2 (give it as vnet/subnet or as its id).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The name, region or size is not one Azure accepts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Azure Linux VMs from CloudDeck sign in with SSH keys only: choose at least one key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No Azure subscription to create the VM in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a resource group name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>create the public IP address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>create the network interface</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Azure answered the VM creation without the VM.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Windows VMs need an administrator password: type one for the user %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An administrator password is for Windows images only: Linux VMs from CloudDeck sign in with SSH keys.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the public IP address %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the network interface %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the virtual machine %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>create the virtual machine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>delete %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CloudDeck deleted what it had made for it: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CloudDeck could not delete %1 (%2). These are left in Azure and may be billed: delete them in the Azure portal.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AzureRequests</name>
    <message>
        <source>"%1" is not an Azure virtual machine id (/subscriptions/…/resourceGroups/…/providers/Microsoft.Compute/virtualMachines/…).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The Azure virtual machine id "%1" has a part Azure does not allow.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not an Azure subnet id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a marketplace image (publisher:offer:sku:version, e.g. Canonical:ubuntu-24_04-lts:server:latest).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BulkActionDialog</name>
    <message numerus="yes">
        <source>%1 %n machine(s)?</source>
        <translation>
            <numerusform>%1 %n machine?</numerusform>
            <numerusform>%1 %n machines?</numerusform>
        </translation>
    </message>
    <message>
        <source>These machines and their disks are deleted, with everything stored on them. This cannot be undone.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n selected machine(s) cannot do this in their current state and will be left alone.</source>
        <translation>
            <numerusform>%n selected machine cannot do this in its current state and will be left alone.</numerusform>
            <numerusform>%n selected machines cannot do this in their current state and will be left alone.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type &lt;b&gt;%1&lt;/b&gt; to confirm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type the number of machines to confirm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 %n machine(s)</source>
        <translation>
            <numerusform>%1 %n machine</numerusform>
            <numerusform>%1 %n machines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CatalogCommand</name>
    <message>
        <source>Account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only what this region offers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>region</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 needs --account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID</source>
        <extracomment>Column headers of `clouddeck-cli regions`.
----------
Column headers of `clouddeck-cli sizes`.
----------
Column headers of `clouddeck-cli images`.
----------
Column headers of `clouddeck-cli keys`.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AVAILABLE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>VCPUS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MEMORY</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DISK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>$/MONTH</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>$/HOUR</source>
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
    <message>
        <source>KIND</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>FINGERPRINT</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CliApp</name>
    <message>
        <source> (If you trust it: --pin-cert %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run 'clouddeck-cli --help' for usage.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No account named "%1"; there are no accounts yet (add one with 'clouddeck-cli accounts add').</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No account named "%1". Accounts: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown command "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1; trying again at %2.</source>
        <extracomment>"work: api.digitalocean.com asked to wait (HTTP 429); trying again at 10:42:13."</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usage: clouddeck-cli &lt;command&gt; [options]

Every machine on every cloud, from the command line.

Commands:
  providers [--json]                         List installed cloud providers
  accounts list [--json]                     List accounts
  accounts add --provider ID --name NAME [--endpoint URL] [--regions R1,R2]
               [--pin-cert SHA256] [--no-verify] [--&lt;credential-field&gt; VALUE]
                                             Add an account; the secret is read from
                                             stdin or a no-echo prompt, never argv
  accounts verify NAME                       Check an account's credentials
  accounts edit NAME [--name NEW] [--endpoint URL|default] [--secret] [--pin-cert SHA256 | --unpin]
               [--regions R1,R2] [--no-verify]
  accounts remove NAME --yes                 Remove an account, its secret and cached data
  accounts import --clouds-yaml [FILE] [--cloud NAME] [--pin-cert SHA256] [--no-verify]
  accounts import --from-tools [--tool doctl|hcloud|linode-cli|vultr-cli|aws] [--yes] [--no-verify] [--json]
                                             OpenStack accounts from clouds.yaml (default:
                                             ./clouds.yaml, ~/.config/openstack/,
                                             /etc/openstack/) and secure.yaml beside it
  machines list [--account NAME] [--json] [--offline]
  machines start|shutdown|poweroff|reboot|destroy MACHINE [--account NAME] [--wait] [--yes]
                                             MACHINE is an id or a unique name;
                                             destroy needs --yes
  machines price MACHINE AMOUNT [--currency CUR] [--account NAME] | MACHINE --clear
  machines price --size SIZE --account NAME AMOUNT [--currency CUR] | --clear
                                             Your own monthly price (clouds without
                                             one, or your discount): "set by you"
  machines metrics MACHINE [--account NAME] [--kind cpu|network|disk]
               [--range 1h|24h|7d|30d] [--json]
                                             Min/avg/max per series, or the points
                                             (JSON, UTC times); cached ones offline
  machines create --account A --name N --region R --size S --image I
               [--ssh-key K]... [--tag T]... [--user-data FILE] [--network NET]
               [--admin-password-stdin] [--wait] [--json]
                                             Windows images (Azure): the administrator
                                             password is read from stdin, never an argument
  regions|sizes|images|keys --account A [--json] [--region R]
  cost [--by provider|account|region|tag|size] [--json | --csv] [--account NAME]
       [--offline]                           Monthly run-rate, per currency, with what
                                             machines that are off still cost

Exit codes: 0 ok, 1 local failure (offline cache or settings), 2 usage,
3 authentication or keychain, 4 network, 5 other provider error.
</source>
        <extracomment>The CLI's --help. Keep command names, options and their arguments (ID, NAME, URL, ...) as they are; translate the descriptions.</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CloudsYaml</name>
    <message>
        <source>Cloud "%1": %2 must be a single value.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cloud "%1" has no %2; nothing was imported.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cloud "%1" is not a mapping of settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cloud "%1" uses a vendor profile, which CloudDeck does not read; give its auth_url and credentials instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cloud "%1" uses Identity API v%2; CloudDeck speaks v3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cloud "%1": auth_url "%2" is not a URL.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cloud "%1" names its application credential; CloudDeck needs its id (application_credential_id).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cloud "%1" uses auth_type "%2", which CloudDeck does not support. Create an application credential (auth_type v3applicationcredential) for it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 still holds the secret of cloud "%2" in plain text. CloudDeck keeps its copy in the keychain; delete it from the file or move it to secure.yaml.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cloud "%1": regions must be a list.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cloud "%1": interface "%2" is not public, internal or admin.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cloud "%1" turns certificate checks off (verify: false). CloudDeck never does: if its certificate is self-signed, pin it (accounts edit "%1" --pin-cert SHA256).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cloud "%1" names a CA file (cacert), which CloudDeck does not read; pin the server's certificate instead if the system does not trust it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No clouds.yaml found (looked in %1). Name the file: accounts import --clouds-yaml FILE.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not valid YAML: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 has no "clouds" section.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 has no cloud "%2"; it has %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not in the clouds.yaml form: %2.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CloudsYamlImport</name>
    <message>
        <source>Cloud "%1": %2 Nothing was imported.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cloud "%1": %2 Imported before it: %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CloudsYamlImporter</name>
    <message>
        <source>Signing in to the clouds of %1…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Imported %n account(s): %1.</source>
        <translation>
            <numerusform>Imported %n account: %1.</numerusform>
            <numerusform>Imported %n accounts: %1.</numerusform>
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
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CostCommand</name>
    <message>
        <source>Group by provider, account, region, tag or size.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only this account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print CSV: every machine with its price and source.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answer from the cache only.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cost --by: say provider, account, region, tag or size (not "%1").</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cost: --json or --csv, not both.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (its cost is from cached data, %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PROVIDER</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ACCOUNT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>REGION</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TAG</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SIZE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MACHINES</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MONTHLY</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OFF, BILLED</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source> (%n unpriced)</source>
        <translation>
            <numerusform> (%n unpriced)</numerusform>
            <numerusform> (%n unpriced)</numerusform>
        </translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1/mo is for %n machine(s) that are off but still billed:</source>
        <translation>
            <numerusform>%1/mo is for %n machine that is off but still billed:</numerusform>
            <numerusform>%1/mo is for %n machines that are off but still billed:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stopped AWS instance(s): only their EBS volumes are billed (not priced here).</source>
        <translation>
            <numerusform>%n stopped AWS instance: only its EBS volumes are billed (not priced here).</numerusform>
            <numerusform>%n stopped AWS instances: only their EBS volumes are billed (not priced here).</numerusform>
        </translation>
    </message>
    <message>
        <source>Totals are per currency; with your rates about %1 in all.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Totals are per currency, never added across currencies.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The machine's account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set the price of every machine of this size.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ISO currency code (default: the cloud's).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the price you set.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usage: machines price MACHINE AMOUNT [--currency CUR] | MACHINE --clear, or machines price --size SIZE --account NAME AMOUNT | --clear</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>machines price --size needs --account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--currency: "%1" is not an ISO currency code such as USD or EUR.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a monthly price such as 12.50 or "12.50 EUR".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not save the price to %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2 a month, set by you.</source>
        <extracomment>"web-1: 12.50 EUR a month, set by you." / "web-1: price you set removed."</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the price you set is removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>size %1 on %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No machine with the id or name "%1".</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>"%1" names %n machines: use the id or --account.</source>
        <translation>
            <numerusform>"%1" names %n machines: use the id or --account.</numerusform>
            <numerusform>"%1" names %n machines: use the id or --account.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1/mo is for %n machine(s) idle for a week (CPU under 2 %):</source>
        <translation>
            <numerusform>%1/mo is for %n machine idle for a week (CPU under 2 %):</numerusform>
            <numerusform>%1/mo is for %n machines idle for a week (CPU under 2 %):</numerusform>
        </translation>
    </message>
    <message>
        <source>≈: an estimate (AWS on-demand list prices: instances × 730 hours, EBS storage per GB-month).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CostModel</name>
    <message>
        <source>nothing priced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CostPage</name>
    <message>
        <source>Provider</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export costs as CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Costs exported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back to machines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every machine with its price and where the price comes from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Monthly run-rate</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n machine(s) shown</source>
        <translation>
            <numerusform>%n machine shown</numerusform>
            <numerusform>%n machines shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without a price</source>
        <translation>
            <numerusform>%n without a price</numerusform>
            <numerusform>%n without a price</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 with your rates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Off, but still billed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No machine that is off costs anything here.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1/mo is for %n machine(s) that are off.</source>
        <translation>
            <numerusform>%1/mo is for %n machine that is off.</numerusform>
            <numerusform>%1/mo is for %n machines that are off.</numerusform>
        </translation>
    </message>
    <message>
        <source>Group by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Machines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Monthly</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Off, billed</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1: %2 a month, %n machine(s)</source>
        <translation>
            <numerusform>%1: %2 a month, %n machine</numerusform>
            <numerusform>%1: %2 a month, %n machines</numerusform>
        </translation>
    </message>
    <message>
        <source>≈ an estimate: AWS on-demand list price × 730 hours.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>* some machines have no price: set one with clouddeck-cli machines price.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Machines that are off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/mo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1/mo is for %n machine(s) idle for a week (CPU under 2 %).</source>
        <translation>
            <numerusform>%1/mo is for %n machine idle for a week (CPU under 2 %).</numerusform>
            <numerusform>%1/mo is for %n machines idle for a week (CPU under 2 %).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Show idle machines</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n stopped AWS instance(s) cost only their disks, not priced here.</source>
        <translation>
            <numerusform>%n stopped AWS instance costs only its disks, not priced here.</numerusform><numerusform>%n stopped AWS instances cost only their disks, not priced here.</numerusform></translation>
    </message>
</context>
<context>
    <name>CostReport</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CreateMachineRequest</name>
    <message>
        <source>Choose a region.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a size.</source>
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
        <source>Tags may use letters, digits and : . _ - only; "%1" does not.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use 12 to 123 characters for the administrator password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use 3 of these in the administrator password: lower case, upper case, a digit, another character.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CreateMachineSheet</name>
    <message>
        <source>New machine</source>
        <translation type="unfinished" />
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
    <message>
        <source>Choose the %1…</source>
        <extracomment>%1 is a credential file ("service-account key file (JSON)").</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CredentialFile</name>
    <message>
        <source>The %1 is not a JSON object (%2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This is not a %1: its type is "%2", not "%3".</source>
        <extracomment>%1 names the file wanted ("Service account key file"), %2/%3 file types.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The %1 holds none of the expected fields.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is too large to be a %2.</source>
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
    <message>
        <source>Your keyring is locked. Unlock your keyring (log in to your desktop session, or open your keyring manager, such as Seahorse) and try again.</source>
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
    <name>DemoFleet</name>
    <message>
        <source>Could not reach the demo cloud (a simulated outage): check the network connection, then retry.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The demo cloud has no machine %1 (it may have been destroyed).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is busy: another action is still in progress.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 cannot %2 while it is %3.</source>
        <extracomment>"web-1 cannot reboot while it is stopped": %2 an action, %3 a state, both in lower case.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The demo cloud has no region "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not accepting new machines at the moment.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The demo cloud has no size "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The size %1 is not offered in %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The demo cloud has no image "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The demo cloud has no SSH key "%1".</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DemoMetrics</name>
    <message>
        <source>Demo: simulated; the machine is not running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo: simulated</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DemoProvider</name>
    <message>
        <source>Demo account (simulated on this computer)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The Demo cloud has no machine %1.</source>
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>Billing of %1 stops.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type &lt;b&gt;%1&lt;/b&gt; to confirm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type the machine name to confirm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Destroy machine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This deletes the machine and its disks on %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This deletes the machine and its disks on %1 (account %2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Everything stored on it is lost and cannot be recovered.</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>SSH</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DigitalOceanMetricsParser</name>
    <message>
        <source>DigitalOcean's metrics reply is not readable: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No data: the monitoring agent is not installed on this droplet (or it has not reported yet). Install it with "curl -sSL https://repos.insights.digitalocean.com/install.sh | sudo bash".</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DigitalOceanParser</name>
    <message>
        <source>The DigitalOcean account %1 is locked%2. Resolve it in the DigitalOcean control panel.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DigitalOceanProvider</name>
    <message>
        <source>DigitalOcean droplet id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DigitalOcean still reports the %1 action (%2) as in progress after %3 s; CloudDeck stopped waiting. It may still complete: refresh to see the droplet's state.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DigitalOcean reports that the %1 action failed (action %2). Check the droplet in the DigitalOcean control panel, then try again.</source>
        <extracomment>%1 is DigitalOcean's action type ("power_on", "reboot"), %2 its number.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>droplet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>disk metrics for droplets</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DigitalOceanRequests</name>
    <message>
        <source>A new droplet needs a name, a size and an image.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Refreshing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Updated %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not refreshed yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sort: %1</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>Some data is from %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Some accounts could not be refreshed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU under 2 % for the last 7 days</source>
        <translation type="unfinished" />
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
        <translation>
            <numerusform>%n vCPU</numerusform>
            <numerusform>%n vCPU</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 GB disk</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n machine(s)</source>
        <translation>
            <numerusform>%n machine</numerusform>
            <numerusform>%n machines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 on %2, about %3</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n EBS volume(s), %1 GiB</source>
        <translation>
            <numerusform>%n EBS volume, %1 GiB</numerusform>
            <numerusform>%n EBS volumes, %1 GiB</numerusform>
        </translation>
    </message>
    <message>
        <source>not priced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Storage only: provisioned IOPS and throughput not included</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GceCredentials</name>
    <message>
        <source>gcloud application default credentials</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This Google Compute Engine account has no service-account key or application default credentials. Edit the account and import the JSON key file.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GceInstanceRequest</name>
    <message>
        <source>"%1" cannot be a Compute Engine label: use lower-case letters, digits, '_' and '-', as key or key:value.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a Compute Engine image such as projects/debian-cloud/global/images/family/debian-12.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GceJwt</name>
    <message>
        <source>The service account's private key is not a readable RSA key. Import the JSON key file again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GceMetrics</name>
    <message>
        <source>Cloud Monitoring's time series (%1) are not readable.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cloud Monitoring has no data for this instance in this range (it was stopped, or the credential lacks the monitoring.read scope's Monitoring Viewer role).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GceParser</name>
    <message>
        <source>Compute Engine could not list the instances in %1 just now; the last complete list is kept. Try again in a minute.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the operation failed without saying why</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GceProvider</name>
    <message>
        <source>"%1" is not a Google Cloud project id such as my-project-123456. Edit the account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This Google Compute Engine account has no service-account key or application default credentials. Edit the account and import the JSON key file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, project %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No instance %1 in project %2. It may have been deleted already.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not a valid Compute Engine instance id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a forced power off (its stop is a graceful shutdown)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compute Engine named an invalid zone "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compute Engine refused to %1 the instance: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compute Engine returned an operation without a valid zone or name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compute Engine could not %1 the instance: %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Compute Engine is still running %1 (operation %2) after %n minute(s); the next refresh shows how it ended.</source>
        <translation>
            <numerusform>Compute Engine is still running %1 (operation %2) after %n minute; the next refresh shows how it ended.</numerusform>
            <numerusform>Compute Engine is still running %1 (operation %2) after %n minutes; the next refresh shows how it ended.</numerusform>
        </translation>
    </message>
    <message>
        <source>"%1" is not a Compute Engine zone such as us-central1-a.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" cannot be a Compute Engine instance name: lower-case letters, digits and '-', starting with a letter.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a machine type such as e2-small.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compute Engine did not create %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HetznerCatalogParser</name>
    <message>
        <source>Snapshot %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HetznerMetricsParser</name>
    <message>
        <source>Hetzner's metrics reply has no time_series.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hetzner reported no data for this machine.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HetznerProvider</name>
    <message>
        <source>Hetzner Cloud project (token accepted)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hetzner Cloud project with 1 server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hetzner Cloud project with %1 servers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hetzner server id (a number)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The action is still running after %1 minutes; CloudDeck stopped waiting. It may still complete: check the server in the Hetzner Console.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hetzner reports that the action failed: %1 (action %2). Check the server in the Hetzner Console and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hetzner server id</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HetznerRequests</name>
    <message>
        <source>A new server needs %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a server type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an image</source>
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
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
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
    <message>
        <source>%1 sent part of its reply, then nothing for %2 s. Check your connection, or try again later.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The provider is limiting how fast we may ask (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1's rate limit is spent until it refills</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1's rate limit allows no more requests for %2 (until %3), longer than CloudDeck waits for one request: try again after %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 asked to wait (HTTP %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 asked to wait</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 had a problem (HTTP %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the connection to %1 failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 CloudDeck tried again and stopped: try again in a few minutes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 Waiting %2 (until %3) is longer than CloudDeck waits for one request: try again after %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The reply from %1 is larger than %2 MB, the most CloudDeck accepts; it was not read. Check the account's endpoint.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 kept sending its reply for more than %2 and it was stopped. Try again later.</source>
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
    <message>
        <source>the account settings %1 list no accounts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it is not open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The offline cache could not be written: %1. The machines shown are current; what the cache held before is kept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This account already has a machine called %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no such account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 accounts cannot create machines here.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>The offline cache holds %n cached machine(s) of accounts that are not in the settings, but %1: nothing was removed. Restore the settings file (or use the same XDG_CONFIG_HOME as before) to see them again.</source>
        <translation>
            <numerusform>The offline cache holds %n cached machine of accounts that are not in the settings, but %1: nothing was removed. Restore the settings file (or use the same XDG_CONFIG_HOME as before) to see them again.</numerusform>
            <numerusform>The offline cache holds %n cached machines of accounts that are not in the settings, but %1: nothing was removed. Restore the settings file (or use the same XDG_CONFIG_HOME as before) to see them again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InventoryCache</name>
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
    <message>
        <source>disk full</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file or its folder is read-only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>another CloudDeck process kept it locked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>input/output error (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>permission denied</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file cannot be opened (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The offline cache %1 cannot be written (%2): it is shown as it is and refreshes are not saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The offline cache %1 cannot be used: %2</source>
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
        <translation type="unfinished" />
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
    <name>KeystoneSession</name>
    <message>
        <source>The service catalog names a plain http %1 endpoint (%2, region %3) for an https cloud. CloudDeck did not send the token there.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The service catalog sends %1 of region %2 to %3, which is not a host this account is set up for (%4). CloudDeck did not send the token there. If %3 belongs to your cloud, add it to the account's other service hosts (--service-hosts).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This OpenStack account has no identity (Keystone) URL. Edit it and enter the auth_url, e.g. https://keystone.example.com:5000/v3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keystone rejected the credentials (%1). Check the application credential (or user name, password, domain and project); it may have expired or been deleted.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LinodeMetricsParser</name>
    <message>
        <source>Linode's statistics for %1 are not readable.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Linode reports disk reads and writes as one figure: see disk_read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Linode reported no data for this Linode.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Linode adds up its cores: 100 % is one core busy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Linode reports disk reads and writes together, in blocks/s.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LinodeProvider</name>
    <message>
        <source>a forced power-off (shut the Linode down instead)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Linode id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A Linode needs a region and a type.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MachineAction</name>
    <message>
        <source>Start</source>
        <extracomment>The action that powers a machine on (a verb, not "the start").</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shut down</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Power off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reboot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Destroy</source>
        <extracomment>The action that deletes a machine and its disks for good.</extracomment>
        <translation type="unfinished" />
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
    <message>
        <source>not refreshed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not refreshed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MachineCost</name>
    <message>
        <source>Destroyed: no longer billed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No list price on this cloud: set one with 'clouddeck-cli machines price'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The cloud gave no price for this machine.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deallocated: compute is not billed; its disks still are (not priced here).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Off, but still billed in full until it is destroyed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Off; this cloud does not say whether that is billed, so it is counted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Off: the instance is not billed, its disks still are (not priced here).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Off: not billed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Provider list price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AWS Price List API (on-demand)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set by you</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n EBS volume(s)</source>
        <translation>
            <numerusform>%n EBS volume</numerusform>
            <numerusform>%n EBS volumes</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 GiB)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Storage only: their provisioned IOPS and throughput are not included.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deallocated: compute is not billed, but its %1 still are: %2 a month.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Off: the instance is not billed, but its %1 still are: %2 a month (AWS Price List).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 for the instance and %2 for its %3 (AWS Price List).</source>
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SSH keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose the account to create the machine in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not accepting new machines at the moment.</source>
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
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Costs about %1 (%2), billed by the provider while the machine exists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type an administrator password for the Windows machine.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign-in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>administrator password (as typed)</source>
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>Destroy this machine (Delete)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Public IP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open SSH</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy SSH command</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SSH command</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not refreshed: this is how it looked %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not refreshed: this is how it looked when last seen.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Its account could not be reached; actions may fail until it can.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>set by you</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disks</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MachineFilterModel</name>
    <message>
        <source>Running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Idle first</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>IP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy SSH command</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SSH command</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open SSH</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Destroy…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set monthly price…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MachineMetricsList</name>
    <message>
        <source>NAME</source>
        <extracomment>Column headers of `clouddeck-cli machines list --metrics`.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>STATE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ACCOUNT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PROVIDER</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU NOW</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU 1H AVG</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU 1H MAX</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IDLE 7D</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AS OF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>idle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>busy</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MachineModel</name>
    <message>
        <source>Destroying…</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>not refreshed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MachineState</name>
    <message>
        <source>Running</source>
        <extracomment>A machine's state (adjective): it is up and running; not the verb "to run".</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stopped</source>
        <extracomment>A machine's state: powered off, its disks kept.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rebooting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Creating…</source>
        <extracomment>A machine's state while the cloud is still creating it.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Error</source>
        <extracomment>A machine's state: the cloud reports it broken (not an error message).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Destroyed</source>
        <extracomment>A machine's state: it has been deleted at the cloud.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown</source>
        <extracomment>A machine's state the cloud reported in words CloudDeck does not know.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MachinesCommand</name>
    <message>
        <source>Only this account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown machines command "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NAME</source>
        <extracomment>Column headers of `clouddeck-cli machines list`.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>STATE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ACCOUNT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PROVIDER</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>REGION</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SIZE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PUBLIC IP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>$/MONTH</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answer from the cache only.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cached data from %1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nothing cached yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (showing cached data from %1, %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wait for the target state.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Confirm a destructive action.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>machines %1 takes one MACHINE (id or name).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Destroying a machine deletes it and its disks for good. Add --yes to confirm.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No machine with the id or name "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is ambiguous: it names machines in %2. Use the id or --account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2 (%3)…</source>
        <extracomment>"Reboot: web-1 (3164444)…", said before the action is sent.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2: accepted by %3.</source>
        <extracomment>"Reboot web-1: accepted by DigitalOcean."</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accepted by %1; waiting for %2…</source>
        <extracomment>%2 is the state waited for ("Running", "Stopped").</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2: done.</source>
        <extracomment>"Reboot web-1: done."</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2 s)</source>
        <extracomment>Progress while waiting: the machine's state and the seconds waited so far.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Still %1 after 15 minutes; stopped waiting.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Machine name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Region id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Size id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SSH key id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cloud-init file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Network (OpenStack: id or name).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wait until it runs.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>machines create needs --account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>machines create --%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Created %1 (%2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>machines: say list, create, price, metrics, start, shutdown, poweroff, reboot or destroy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add each running machine's CPU of the last hour and whether it has been idle (under 2 %) for a week.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2 (%3)…</source>
        <extracomment>"Stopping (deallocating) vm1 (/subscriptions/…)…": the provider's own words.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Windows: read the administrator password from stdin (a no-echo prompt on a terminal).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Administrator password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>machines create --admin-password-stdin: expected the password on standard input, or run in a terminal to be prompted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>machines create --admin-password-stdin: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MachinesPane</name>
    <message>
        <source>Offline - no data could be loaded yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sort by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Public IP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Machines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IP</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing matches the search and filters you chose.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
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
    <message>
        <source>Dismiss</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline - showing data from %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 could not be refreshed - showing its data from %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 could not be refreshed</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n account(s) could not be refreshed - showing data from %1</source>
        <translation>
            <numerusform>%n account could not be refreshed - showing data from %1</numerusform>
            <numerusform>%n accounts could not be refreshed - showing data from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) could not be refreshed</source>
        <translation>
            <numerusform>%n account could not be refreshed</numerusform>
            <numerusform>%n accounts could not be refreshed</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Actions on these machines may fail until the account is reachable again.</source>
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
    <message>
        <source>%1 %2?</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MetricPointReader</name>
    <message>
        <source>The metrics reply for %1 is not readable.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MetricsCommand</name>
    <message>
        <source>Only this account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cpu, network or disk (default cpu).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1h, 24h, 7d or 30d (default 1h).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>machines metrics takes one MACHINE (id or name).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--kind is cpu, network or disk, not "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--range is 1h, 24h, 7d or 30d, not "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is ambiguous: it names %2 machines. Use the id or --account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No machine with the id or name "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (showing cached metrics)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2 (%3): </source>
        <extracomment>One line of `machines metrics`: "web-1 cpu (1h): min 2.0 %, avg 9.5 %, max 41.0 %".</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>min %1, avg %2, max %3, last %4; %n point(s)</source>
        <translation>
            <numerusform>min %1, avg %2, max %3, last %4; %n point</numerusform>
            <numerusform>min %1, avg %2, max %3, last %4; %n points</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1-hour resolution</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>, %1-minute resolution</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>, %1-second resolution</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (cached, %1)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OAuthToken</name>
    <message>
        <source>The sign-in service answered without a token.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OAuthTokenEndpoint</name>
    <message>
        <source>The sign-in at %1 refused these credentials: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OpenStackProvider</name>
    <message>
        <source>Not signed in to Keystone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The service catalog of project %1 has no %2 endpoint for the %3 interface. Ask the cloud's operators, or choose another interface (public, internal, admin) for the account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(unnamed)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Region "%1" has no %2 endpoint in the service catalog; the catalog has %3. Fix the account's regions.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 in project %2 (compute in %3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No region of this cloud has a server %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The machine is busy: OpenStack cannot %1 it in its current state (%2). Wait for what it is doing to finish, refresh, and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Region %1 has no network "%2".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Region %1 has several networks (%2): choose one for the new server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a region with a compute endpoint for the new server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OpenStack server id</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OpenStackRequests</name>
    <message>
        <source>The application credential's secret is missing. Edit the account and enter it (it was shown once, when the credential was made).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This OpenStack account has neither an application credential nor a user name. Enter an application credential ID and secret (recommended), or a user name, password and project.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The password for %1 is missing. Edit the account and enter it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password sign-in needs a project (name or ID): without one Keystone gives no service catalog, so CloudDeck could not find any servers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a usable server name: letters, digits, '.', '-' and '_', starting with a letter or digit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a flavor and an image.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OpenStack takes one key pair per server; choose one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This cloud's Compute API (microversion %1) cannot tag a server when it is created (that needs 2.52). Create it without tags.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The user data is too long: Nova takes at most 64 KiB once encoded.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <source>Price set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price removed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Monthly price of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>For clouds that list no price, or when you pay another one. Shown as "set by you" and used in every total.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This machine only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every %1 in %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price a month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save</source>
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
    <message>
        <source>%1 does not support %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>metrics</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProviderMetadata</name>
    <message>
        <source>Asks the operating system to shut down cleanly, as pressing the power button does.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This cuts the power at once, like pulling the plug: programs get no chance to save their work. Shut down stops the machine cleanly.</source>
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
    <name>ProxmoxMetricsParser</name>
    <message>
        <source>Proxmox VE's statistics (%1) are not readable.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxmox VE reported no data for this guest in this range.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxmox VE counts all the guest's cores: 100 % is every core busy.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProxmoxProvider</name>
    <message>
        <source>"%1" is not a Proxmox VE API token id: it looks like USER@REALM!TOKENID (for example clouddeck@pve!inventory).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The API token's secret is missing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 on Proxmox VE %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a Proxmox VE guest id (qemu/ID or lxc/ID).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The cluster has no guest %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxmox VE destroys only stopped guests: shut %1 down or stop it first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a task id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The Proxmox VE task failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The Proxmox VE task %1 is still running after %2 s; CloudDeck stopped waiting. It may still finish: see the task log in the Proxmox VE web interface.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a template to clone: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a template: only templates are cloned into new machines.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProxmoxRequests</name>
    <message numerus="yes">
        <source>%n core(s), %1 GiB memory</source>
        <translation>
            <numerusform>%n core, %1 GiB memory</numerusform>
            <numerusform>%n cores, %1 GiB memory</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a template to clone ("%1" is not one).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The template %1 is on no known node.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxmox VE needs a DNS name for a guest: letters, digits and '-', dot-separated ("%1" is not one).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not one of the offered sizes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A clone takes its SSH keys and cloud-init data from its template; set them there.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a valid Proxmox VE tag.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a node name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A clone is "linked" or "full", not "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a storage id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A target storage needs a full clone.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ResourceId</name>
    <message>
        <source>"%1" is not a valid %2.</source>
        <extracomment>%1 is the id the user gave, %2 what it should have been ("DigitalOcean droplet id")</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Search names, IPs, tags, regions…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search machines</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Density</source>
        <translation type="unfinished" />
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
    <message>
        <source>1 minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prices you set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Used instead of the cloud's price in every total and marked "set by you".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>None yet. Set one from a machine's menu (right click or long press) or with clouddeck-cli machines price, for clouds that list no price or when you pay another one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 a month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the price of %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Sheet</name>
    <message>
        <source>Back</source>
        <translation type="unfinished" />
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
    <name>StatusText</name>
    <message>
        <source>never</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n days ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
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
    <name>ToolCredentials</name>
    <message>
        <source>The context has no token.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An AWS SSO profile: CloudDeck cannot sign in with SSO yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Its keys come from a credential_process, which CloudDeck does not run.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A role to assume: CloudDeck cannot assume roles yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not a file</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ToolImport</name>
    <message>
        <source>%1 still holds the secret: CloudDeck keeps its copy in the keychain; remove it from the file if CloudDeck should be the only place.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The %1 plugin is not installed.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ToolImportCommand</name>
    <message>
        <source>Find the credentials of doctl, hcloud, linode-cli, vultr-cli and the AWS CLI.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only this tool's.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import what was found (otherwise only list it).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save without signing in first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Machine-readable output.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>accounts import: unexpected "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TOOL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PROVIDER</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>STATUS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>imported as "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>already added as "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not importable: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>can be imported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No credentials of doctl, hcloud, linode-cli, vultr-cli or the AWS CLI were found.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was saved: add --yes to import them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note: %1</source>
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
        <translation>
            <numerusform>%n machine changed state</numerusform>
            <numerusform>%n machines changed state</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserPriceModel</name>
    <message>
        <source>Every %1</source>
        <extracomment>A price set for every machine of one size: "Every s-1vcpu-1gb".</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prices cannot be saved here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose whether the price is for this machine or for its size.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This machine has no %1 to set a price for.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a currency code such as USD or EUR.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a monthly price such as 12.50.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not save the price to %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VultrMetricsParser</name>
    <message>
        <source>Vultr's bandwidth figures are not readable (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Vultr reports bandwidth only: its API has no CPU or disk figures for an instance.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Vultr reported no bandwidth for this instance in this range.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Vultr reports bandwidth only, as a daily total: the average over each day.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VultrProvider</name>
    <message>
        <source>a graceful shutdown (power off halts the instance at once)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Vultr instance id (a UUID)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A Vultr instance needs a region, a plan and an image.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Welcome to CloudDeck</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every machine on every cloud, in one list: see what runs, what it costs, and start, stop or reach any of them in a tap. Add the account of a cloud you use, or try the demo first; it runs entirely on this computer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a cloud</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try the demo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Works with</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading the catalog…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create machine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Administrator password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>12 to 123 characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Administrator password for the Windows machine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use 3 of: lower case, upper case, a digit, another character. You sign in over Remote Desktop with it; CloudDeck does not keep it.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>