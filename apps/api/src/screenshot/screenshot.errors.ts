import { errorFactory } from '../common/errors/app-error';

export type ScreenshotErrorCode =
  | 'SCREENSHOTS_DISABLED'
  | 'INVALID_IMAGE'
  | 'SCREENSHOT_TOO_LARGE'
  | 'INVALID_REGIONS'
  | 'SCREENSHOT_NOT_FOUND';

export const screenshotError = errorFactory<ScreenshotErrorCode>({
  SCREENSHOTS_DISABLED: 403,
  INVALID_IMAGE: 415,
  SCREENSHOT_TOO_LARGE: 413,
  INVALID_REGIONS: 400,
  SCREENSHOT_NOT_FOUND: 404,
});
