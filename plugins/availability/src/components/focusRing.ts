import { makeStyles } from '@material-ui/core/styles';

/**
 * A visible focus ring on every interactive element below the element with
 * the `root` class: the theme's own focus styles are too faint to follow
 * with a keyboard.
 */
export const useFocusRingStyles = makeStyles(theme => ({
  root: {
    '& a:focus-visible, & button:focus-visible, & [role="button"]:focus-visible, & input:focus-visible, & [tabindex]:focus-visible':
      {
        outline: `3px solid ${theme.palette.primary.main}`,
        outlineOffset: 2,
      },
  },
}));
