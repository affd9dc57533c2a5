import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { StringScreenshot } from '../api/types';
import { createI18n } from '../i18n/i18n';
import { ScreenshotPanel } from './screenshot-panel';

const shot = (id: string, x: number): StringScreenshot => ({
  id,
  url: `/api/screenshots/${id}`,
  x,
  y: 60,
  width: 200,
  height: 30,
  imageWidth: 800,
  imageHeight: 600,
});

async function show(screenshots: readonly StringScreenshot[]) {
  const i18n = await createI18n({ language: 'en', loadFromApi: false });
  return render(
    <I18nextProvider i18n={i18n}>
      <ScreenshotPanel keyName="cart.title" screenshots={screenshots} />
    </I18nextProvider>,
  );
}

describe('ScreenshotPanel', () => {
  it('shows the newest screenshot with the key region outlined in proportion', async () => {
    await show([shot('s1', 400), shot('s2', 0)]);
    const img = screen.getByRole('img');
    expect(img.getAttribute('src')).toBe('/api/screenshots/s1');
    expect(img.getAttribute('alt')).toContain('cart.title');
    const region = screen.getByTestId('screenshot-region');
    expect(region.style.left).toBe('50%');
    expect(region.style.top).toBe('10%');
    expect(region.style.width).toBe('25%');
    fireEvent.click(screen.getByRole('button', { name: 'Screenshot 2' }));
    expect(screen.getByRole('img').getAttribute('src')).toBe('/api/screenshots/s2');
    expect(screen.getByTestId('screenshot-region').style.left).toBe('0%');
  });

  it('renders nothing without screenshots', async () => {
    const { container } = await show([]);
    expect(container.innerHTML).toBe('');
  });
});
