import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

// Reads a pass QR three ways, all working offline: the device camera (getUserMedia + jsQR), a
// photo (phones that refuse camera access to the page still let the user take a picture), and a
// handheld scanner that types the code like a keyboard (or a pasted token) in the text field.

const MAX_SIDE = 1600;

function decode(canvas: HTMLCanvasElement, source: CanvasImageSource, width: number, height: number): string | null {
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}

/** Decodes a QR code from a photo file; null when none is found. */
export async function decodeImageFile(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    return decode(document.createElement('canvas'), bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

export function CameraScanner({ onScan, onClose }: { onScan: (text: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const scanned = useRef(onScan);
  scanned.current = onScan;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | null = null;
    let stopped = false;
    const canvas = document.createElement('canvas');
    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) return setProblem('unsupported');
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
      } catch {
        return setProblem('denied');
      }
      if (stopped || !video.current) return stream.getTracks().forEach((tr) => tr.stop());
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      // Five frames a second is plenty for a code held in front of the camera and spares the battery.
      timer = setInterval(() => {
        const v = video.current;
        if (!v || v.readyState < 2 || !v.videoWidth) return;
        const text = decode(canvas, v, v.videoWidth, v.videoHeight);
        if (text) {
          if (timer) clearInterval(timer);
          timer = null;
          scanned.current(text);
        }
      }, 200);
    })();
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, []);

  return (
    <div className="yard-camera" data-testid="qr-camera">
      {problem ? <p className="alert" role="alert">{t(`yard.scan.camera_${problem}`)}</p> : <video ref={video} muted playsInline aria-label={t('yard.scan.cameraLabel')} />}
      <button type="button" className="secondary big" onClick={onClose}>{t('yard.scan.stopCamera')}</button>
    </div>
  );
}
