/** Pan by dragging, zoom with the wheel (around the pointer) or the buttons; a click without a drag selects. */

export interface View {
  scale: number;
  x: number;
  y: number;
}

const MIN = 0.1;
const MAX = 6;

export class PanZoom {
  private view: View = { scale: 1, x: 0, y: 0 };
  private drag: { x: number; y: number; startX: number; startY: number; moved: boolean } | undefined;

  constructor(
    private readonly canvas: HTMLElement,
    private readonly onClick: (target: Element) => void,
  ) {
    canvas.addEventListener(
      "wheel",
      (event) => {
        event.preventDefault();
        const box = canvas.getBoundingClientRect();
        this.zoomAt(event.deltaY < 0 ? 1.15 : 1 / 1.15, event.clientX - box.left, event.clientY - box.top);
      },
      { passive: false },
    );
    canvas.addEventListener("pointerdown", (event) => {
      this.drag = {
        x: this.view.x,
        y: this.view.y,
        startX: event.clientX,
        startY: event.clientY,
        moved: false,
      };
    });
    canvas.addEventListener("pointermove", (event) => {
      if (!this.drag) return;
      const dx = event.clientX - this.drag.startX;
      const dy = event.clientY - this.drag.startY;
      if (!this.drag.moved && Math.hypot(dx, dy) < 4) return;
      if (!this.drag.moved) canvas.setPointerCapture(event.pointerId);
      this.drag.moved = true;
      canvas.classList.add("dragging");
      this.set({ scale: this.view.scale, x: this.drag.x + dx, y: this.drag.y + dy });
    });
    const end = (event: PointerEvent) => {
      const drag = this.drag;
      this.drag = undefined;
      canvas.classList.remove("dragging");
      if (drag && !drag.moved && event.type === "pointerup" && event.target instanceof Element)
        this.onClick(event.target);
    };
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);
  }

  get(): View {
    return { ...this.view };
  }

  set(view: View): void {
    this.view = { scale: Math.min(MAX, Math.max(MIN, view.scale)), x: view.x, y: view.y };
    const svg = this.canvas.querySelector("svg");
    if (svg) svg.style.transform = `translate(${this.view.x}px, ${this.view.y}px) scale(${this.view.scale})`;
  }

  zoomAt(factor: number, px: number, py: number): void {
    const scale = Math.min(MAX, Math.max(MIN, this.view.scale * factor));
    const ratio = scale / this.view.scale;
    this.set({ scale, x: px - (px - this.view.x) * ratio, y: py - (py - this.view.y) * ratio });
  }

  zoomCentre(factor: number): void {
    this.zoomAt(factor, this.canvas.clientWidth / 2, this.canvas.clientHeight / 2);
  }

  /** Scales the diagram to fit the canvas, never above its natural size. */
  fit(): void {
    const svg = this.canvas.querySelector("svg");
    if (!svg) return;
    const width = Number(svg.getAttribute("width")) || 1;
    const height = Number(svg.getAttribute("height")) || 1;
    // Room is kept on the right for the zoom buttons.
    const across = this.canvas.clientWidth - 64;
    const scale = Math.min(1, (across - 8) / width, (this.canvas.clientHeight - 16) / height);
    this.set({ scale, x: Math.max(8, (across - width * scale) / 2), y: 8 });
  }
}
