import type { DirectoryShare } from '../partner-service/directory-share';

/** For tests about something else: a partner that has taken none of its share and brings nothing new. */
export const UNUSED_DIRECTORY_SHARE: DirectoryShare = {
  used: { services: 0, needs: 0, communities: 0, localities: 0 },
  newToConsortium: { needs: [], communities: [], localities: [] },
};
