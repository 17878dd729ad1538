/** Rows a seed run created, per table (0 everywhere: the demo data was already there). */
export interface SeedCounts {
  editions: number;
  themes: number;
  cantons: number;
  communes: number;
  officials: number;
  agents: number;
  rooms: number;
  holders: number;
  projects: number;
  agreements: number;
  payments: number;
  invoices: number;
  invoiceChecks: number;
  events: number;
  invitations: number;
}

export function emptyCounts(): SeedCounts {
  return {
    editions: 0,
    themes: 0,
    cantons: 0,
    communes: 0,
    officials: 0,
    agents: 0,
    rooms: 0,
    holders: 0,
    projects: 0,
    agreements: 0,
    payments: 0,
    invoices: 0,
    invoiceChecks: 0,
    events: 0,
    invitations: 0,
  };
}
