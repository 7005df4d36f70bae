/** What a OneDoor bearer token says: which staff member, acting for which partner. */
export interface StaffTokenClaims {
  sub: string;
  partnerId: string;
}
