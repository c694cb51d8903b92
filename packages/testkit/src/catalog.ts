// Realistic word lists the generator draws from. Some names carry commas and quotes on
// purpose, so CSV and HTML output of consumers gets exercised.
import type {
  ExactEvent as RestoreSessionEvent,
  ExactOrganization as BackupOrganization,
  ExactSession as RestoreSession,
} from "./types.js";

type SessionType = RestoreSession["type"];
type EventType = NonNullable<RestoreSessionEvent["type"]>;

export interface OrganizationEntry {
  name: string;
  domain: string;
  type: BackupOrganization["type"];
}

export const ORGANIZATIONS: readonly OrganizationEntry[] = [
  { name: "abc.onmicrosoft.com", domain: "abc.onmicrosoft.com", type: "Office365" },
  { name: "contoso.onmicrosoft.com", domain: "contoso.onmicrosoft.com", type: "Office365" },
  { name: "Fabrikam, Inc.", domain: "fabrikam.com", type: "Hybrid" },
  { name: "northwind.local", domain: "northwind.local", type: "OnPremises" },
];

export const SESSION_TYPES: readonly SessionType[] = ["Vex", "Veod", "Vesp", "Vet"];

export const TYPE_LABELS: Record<SessionType, string> = {
  Vex: "Exchange",
  Veod: "OneDrive",
  Vesp: "SharePoint",
  Vet: "Teams",
};

export const JOB_NAMES = [
  "Exchange backup",
  "Daily backup, all users",
  "Teams backup",
  'Backup "VIP" mailboxes, EU',
  "SharePoint, OneDrive nightly",
] as const;

export const RETRIEVAL_NAMES = ["Exchange data retrieval", "Archive retrieval, 2021", 'Legal hold "Q3"'] as const;

export const PEOPLE = ["adele.vance", "alex.wilber", "megan.bowen", "lynne.robbins", "sean.o'brien", "diego.siciliani"] as const;

export const OPERATORS = ["helpdesk", "operator", "restore.desk"] as const;

export const ADMINS = ["SRV0101\\Administrator", "SRV0101\\Administrator", "BACKUP01\\svc-veeam"] as const;

export const HOSTS = ["srv0101", "wks-114", "wks-207", "laptop-jd", "vbo-proxy01"] as const;

/** Local offsets some sessions write their event times in (minutes east of UTC). */
export const EVENT_ZONES = [0, 0, 0, 0, 0, 0, 180, 60, -300, 330] as const;

export interface ItemKind {
  itemType: string;
  names: readonly string[];
  verbs: readonly EventType[];
}

export const ITEM_KINDS: Record<SessionType, readonly ItemKind[]> = {
  Vex: [
    { itemType: "Mailbox", names: ["{person}"], verbs: ["Restore", "Export"] },
    { itemType: "Folder", names: ["Inbox", "Sent Items", "Projects, 2024"], verbs: ["Restore", "Export"] },
    {
      itemType: "Message",
      names: ['RE: Budget, Q3 "final" numbers', "Contract renewal", "Lunch?"],
      verbs: ["Restore", "Send", "Save", "View"],
    },
  ],
  Veod: [
    { itemType: "Document", names: ["Budget 2024.xlsx", 'Report, "draft" v2.docx', "notes.txt"], verbs: ["Restore", "Save"] },
    { itemType: "Folder", names: ["Documents", "Pictures"], verbs: ["Restore", "Save"] },
  ],
  Vesp: [
    { itemType: "Document", names: ["Policies, 2024.pdf", "Onboarding.pptx"], verbs: ["Restore", "Save"] },
    { itemType: "List", names: ["Tasks", 'Issues "open"'], verbs: ["Restore"] },
    { itemType: "Site", names: ["Sales", "HR portal"], verbs: ["Restore"] },
  ],
  Vet: [
    { itemType: "Team", names: ["Sales Team", "Project Falcon"], verbs: ["Restore"] },
    { itemType: "Channel", names: ["General", "Launch, phase 2"], verbs: ["Restore", "Save"] },
    { itemType: "File", names: ['Quarterly plan, "v3".pptx'], verbs: ["Restore", "Save", "View"] },
  ],
};

export const VERB_WORDS: Record<EventType, { doing: string; done: string }> = {
  None: { doing: "", done: "" },
  Restore: { doing: "Restoring", done: "restored" },
  Export: { doing: "Exporting", done: "exported" },
  Send: { doing: "Sending", done: "sent" },
  Save: { doing: "Saving", done: "saved" },
  View: { doing: "Opening", done: "opened" },
};
