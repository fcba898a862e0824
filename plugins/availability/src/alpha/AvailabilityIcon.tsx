import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';

/** The plugin's icon in the sidebar and page header. */
export function AvailabilityIcon() {
  return <VerifiedUserIcon fontSize="inherit" />;
}
