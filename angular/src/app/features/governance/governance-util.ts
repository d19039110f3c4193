import { SeatCategory } from '../../api/models/seat-category';
import { SeatRole } from '../../api/models/seat-role';
import { AccessSupportKind } from '../../api/models/access-support-kind';
import { AccessSupportStatus } from '../../api/models/access-support-status';

export const CATEGORIES: readonly SeatCategory[] = ['CommunityMember', 'MedicaidMember', 'CommunityOrganization', 'AgencyStaff', 'Provider', 'Other'];
export const ROLES: readonly SeatRole[] = ['Member', 'Chair', 'CoChair'];
export const SUPPORT_KINDS: readonly AccessSupportKind[] = ['Interpreter', 'Childcare', 'Transport', 'Remote', 'Other'];
export const SUPPORT_STATUSES: readonly AccessSupportStatus[] = ['Requested', 'Provided', 'Declined'];
export const AGE_BANDS: readonly string[] = ['under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'];
export const RACE_ETHNICITY: readonly string[] = [
  'american-indian-or-alaska-native',
  'asian',
  'black-or-african-american',
  'hispanic-or-latino',
  'middle-eastern-or-north-african',
  'native-hawaiian-or-pacific-islander',
  'white',
  'other',
];
