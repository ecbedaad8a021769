"use client";

import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type MouseEvent } from "react";
import { useT } from "@/ui/messages";
import { useTextareaSnapshot } from "./use-textarea-snapshot";
import { GuideMarks } from "@/features/walkthroughs/components/guide-marks";
import { badgeForNewMark, hotspotInsertionPoint, marksAround, movedCrosshair, nextHotspotNumber, percentFromPoint, type Mark } from "./editor-logic";
import { HOTSPOT_LABEL, hotspotText } from "./snippets";
import { insertIntoTextarea } from "./textarea-insert";

export type ScreenMarkPickerProps = {
  /** The uploaded screen (an address inside the app). */
  src: string;
  /** What the screen shows, for those who cannot see it. */
  alt: string;
  /** Called with the mark's place in percent (1–99) after it is inserted. */
  onPick?: (x: number, y: number) => void;
  /** The id of the MDX textarea the Hotspot goes into, at its caret. */
  textareaId: string;
};

const noSubscription = () => () => {};

/**
 * Places a numbered mark on a guide's screen: a click on the image, or the keyboard's crosshair
 * (arrows 1 %, Shift+arrows 5 %, Enter or Space), inserts `<Hotspot n x y>` at the textarea's caret,
 * numbered after the marks above the caret in its GuideStep. The marks of that step are drawn on
 * the image and listed as text.
 */
export function ScreenMarkPicker({ src, alt, onPick, textareaId }: ScreenMarkPickerProps) {
  const t = useT();
  const id = useId();
  const imageRef = useRef<HTMLImageElement>(null);
  const [crosshair, setCrosshair] = useState({ x: 50, y: 50 });
  const [isFocused, setFocused] = useState(false);
  /** Width over height of the screen, known once it loads (a phone screen until then). */
  const [ratio, setRatio] = useState(9 / 16);
  /** The screen's proportions as the marks' geometry takes them. */
  const screenSize = { width: ratio * 1000, height: 1000 };
  useEffect(() => {
    // An image already in the cache may have loaded before React listened.
    const image = imageRef.current;
    if (image?.complete && image.naturalWidth > 0 && image.naturalHeight > 0) setRatio(image.naturalWidth / image.naturalHeight);
  }, [src]);
  const [placed, setPlaced] = useState("");
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  // The marks of the step around the textarea's caret, kept in step with what the author types.
  const marksJson = useTextareaSnapshot(textareaId, (value, caret) => JSON.stringify(marksAround(value, caret)), "[]");
  const marks = useMemo(() => (JSON.parse(marksJson) as Mark[]).filter((m) => Number.isFinite(m.x) && Number.isFinite(m.y)), [marksJson]);

  const place = (x: number, y: number) => {
    const area = document.getElementById(textareaId);
    if (area instanceof HTMLTextAreaElement) {
      const at = hotspotInsertionPoint(area.value, area.selectionStart);
      area.setSelectionRange(at, at);
      const n = nextHotspotNumber(area.value, at);
      const badge = badgeForNewMark(marksAround(area.value, at), { n, x, y }, screenSize);
      insertIntoTextarea(area, { text: hotspotText(n, x, y, badge), placement: "line", select: HOTSPOT_LABEL });
      setPlaced(t("authoring.editor.picker.placed", { n, x, y }));
    }
    onPick?.(x, y);
  };
  const onClick = (event: MouseEvent<HTMLButtonElement>) => {
    // detail 0: Enter or Space on the button, which places the crosshair; otherwise the pointer's place.
    if (event.detail === 0 || !imageRef.current) return place(crosshair.x, crosshair.y);
    const point = percentFromPoint(event.clientX, event.clientY, imageRef.current.getBoundingClientRect());
    setCrosshair(point);
    place(point.x, point.y);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const moved = movedCrosshair(crosshair, event.key, event.shiftKey);
    if (!moved) return;
    event.preventDefault();
    setCrosshair(moved);
  };

  const instructionsId = `${id}-instructions`;
  const positionId = `${id}-position`;
  return (
    <div className="grid min-w-0 gap-2">
      <p id={instructionsId} className="text-sm text-muted">
        {hydrated ? t("authoring.editor.picker.instructions") : t("authoring.editor.picker.withoutScript")}
      </p>
      {/* As wide as the column, but never taller than most of the window: the width follows the
          screen's own proportions (an SVG drawn with only a viewBox has no size of its own). */}
      <div className="relative mx-auto" style={{ width: `min(100%, ${(70 * ratio).toFixed(2)}vh)` }}>
        <img
          ref={imageRef}
          src={src}
          alt={alt}
          onLoad={(event) => {
            const { naturalWidth, naturalHeight } = event.currentTarget;
            if (naturalWidth > 0 && naturalHeight > 0) setRatio(naturalWidth / naturalHeight);
          }}
          className="block h-auto w-full rounded-lg border border-neutral-400 bg-white"
        />
        {hydrated ? (
          <button
            type="button"
            onClick={onClick}
            onKeyDown={onKeyDown}
            onFocus={() => setFocused(true)}
            onBlur={() => setFocused(false)}
            aria-label={t("authoring.editor.picker.label")}
            aria-describedby={`${instructionsId} ${positionId}`}
            className="absolute inset-0 h-full w-full cursor-crosshair rounded-lg"
          />
        ) : null}
        {/* The step's marks as the guide will show them (a badge without bx and by yet, where the check would suggest first). */}
        <GuideMarks marks={marks} size={screenSize} />
        {isFocused ? (
          <span aria-hidden="true" className="pointer-events-none absolute" style={{ left: `${crosshair.x}%`, top: `${crosshair.y}%` }}>
            <span className="absolute -left-5 top-0 h-0.5 w-10 bg-blue-800 shadow-[0_0_0_1px_white]" />
            <span className="absolute -top-5 left-0 h-10 w-0.5 bg-blue-800 shadow-[0_0_0_1px_white]" />
            <span className="absolute -left-3 -top-3 h-6 w-6 rounded-full border-2 border-blue-800" />
          </span>
        ) : null}
      </div>
      {hydrated ? (
        <p id={positionId} className="text-sm">
          {t("authoring.editor.picker.position", { x: crosshair.x, y: crosshair.y })}
        </p>
      ) : null}
      <p role="status" className="text-sm font-semibold">
        {placed}
      </p>
      <div>
        <p className="font-semibold" id={`${id}-marks`}>
          {t("authoring.editor.picker.marksHeading")}
        </p>
        {marks.length ? (
          <ol role="list" aria-labelledby={`${id}-marks`} className="grid gap-1 text-sm">
            {marks.map((mark, index) => (
              <li key={`${mark.n}-${index}`}>{t("authoring.editor.picker.mark", { n: mark.n, x: mark.x, y: mark.y, label: mark.label })}</li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-muted">{t("authoring.editor.picker.noMarks")}</p>
        )}
      </div>
    </div>
  );
}
