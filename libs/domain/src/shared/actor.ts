/** The staff member acting, always on behalf of one partner organisation. */
export interface Actor {
  staffId: string;
  partnerId: string;
  /** True when the actor's partner manages the consortium (hub or lead, or any member of a partnership of equals). */
  managesConsortium: boolean;
}
