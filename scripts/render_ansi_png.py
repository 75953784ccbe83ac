#!/usr/bin/env python3
"""Renders a terminal capture with colours (`tmux capture-pane -e -p -N`) to a PNG.

Every cell is drawn at a fixed cell width, so a glyph missing from the monospace font (drawn
from a fallback font) or a wide character can never shift the columns after it. Nothing is
cropped: the image is exactly COLUMNS x ROWS cells plus a margin.

    scripts/render_ansi_png.py capture.ans out.png --columns 120 --rows 40 [--background light]

Needs Pillow (`pip install pillow`) and the DejaVu fonts (Debian/Ubuntu: `apt-get install
fonts-dejavu-core`); it says so and exits 3 when either is missing.
"""

import argparse
import os
import re
import sys
import unicodedata
from collections import Counter

try:
    from PIL import Image, ImageDraw, ImageFont
except ImportError:
    print("render_ansi_png.py needs Pillow: python3 -m pip install pillow", file=sys.stderr)
    sys.exit(3)

FONT_DIRECTORIES = [
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/local/share/fonts",
    "/Library/Fonts",
    os.path.expanduser("~/Library/Fonts"),
]
FONT_FILES = {
    "regular": "DejaVuSansMono.ttf",
    "bold": "DejaVuSansMono-Bold.ttf",
    "italic": "DejaVuSansMono-Oblique.ttf",
    "bold-italic": "DejaVuSansMono-BoldOblique.ttf",
    "fallback": "DejaVuSans.ttf",
    "fallback-bold": "DejaVuSans-Bold.ttf",
}

# The 16 ANSI colours of a modern dark terminal (VS Code's integrated terminal palette),
# and of a light one. Colours 16-255 are xterm's fixed cube and grey ramp.
ANSI_DARK = [
    (0x00, 0x00, 0x00), (0xcd, 0x31, 0x31), (0x0d, 0xbc, 0x79), (0xe5, 0xe5, 0x10),
    (0x24, 0x72, 0xc8), (0xbc, 0x3f, 0xbc), (0x11, 0xa8, 0xcd), (0xe5, 0xe5, 0xe5),
    (0x66, 0x66, 0x66), (0xf1, 0x4c, 0x4c), (0x23, 0xd1, 0x8b), (0xf5, 0xf5, 0x43),
    (0x3b, 0x8e, 0xea), (0xd6, 0x70, 0xd6), (0x29, 0xb8, 0xdb), (0xff, 0xff, 0xff),
]
ANSI_LIGHT = [
    (0x00, 0x00, 0x00), (0xcd, 0x31, 0x31), (0x00, 0xbc, 0x00), (0x94, 0x98, 0x00),
    (0x04, 0x51, 0xa5), (0xbc, 0x05, 0xbc), (0x05, 0x98, 0xbc), (0x55, 0x55, 0x55),
    (0x66, 0x66, 0x66), (0xcd, 0x31, 0x31), (0x14, 0xce, 0x14), (0xb5, 0xba, 0x00),
    (0x04, 0x51, 0xa5), (0xbc, 0x05, 0xbc), (0x05, 0x98, 0xbc), (0xa5, 0xa5, 0xa5),
]
DEFAULTS = {
    "dark": {"fg": (0xd4, 0xd4, 0xd4), "bg": (0x1e, 0x1e, 0x1e), "ansi": ANSI_DARK},
    "light": {"fg": (0x1f, 0x1f, 0x1f), "bg": (0xfb, 0xfb, 0xf8), "ansi": ANSI_LIGHT},
}


def xterm_256(index, ansi):
    if index < 16:
        return ansi[index]
    if index < 232:
        index -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[index // 36], steps[(index // 6) % 6], steps[index % 6])
    level = 8 + (index - 232) * 10
    return (level, level, level)


class Style:
    __slots__ = ("fg", "bg", "bold", "dim", "italic", "underline", "reverse")

    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None  # None = default; ("i", n) palette index; ("rgb", (r, g, b))
        self.bg = None
        self.bold = self.dim = self.italic = self.underline = self.reverse = False

    def copy(self):
        other = Style()
        for name in self.__slots__:
            setattr(other, name, getattr(self, name))
        return other


def apply_sgr(style, parameters):
    """Applies one SGR sequence's parameters (already split on ';', ':' sub-fields kept)."""
    values = parameters or ["0"]
    i = 0
    while i < len(values):
        field = values[i]
        if ":" in field:  # 38:2::r:g:b or 38:5:n (colon form)
            parts = [p for p in field.split(":")]
            code = int(parts[0] or 0)
            if code in (38, 48, 58):
                colour = None
                if len(parts) >= 3 and parts[1] == "5":
                    colour = ("i", int(parts[2] or 0))
                elif len(parts) >= 5 and parts[1] == "2":
                    rgb = [int(p or 0) for p in parts[-3:]]
                    colour = ("rgb", tuple(rgb))
                if code == 38:
                    style.fg = colour
                elif code == 48:
                    style.bg = colour
            elif code == 4:
                style.underline = parts[1:] != ["0"]
            i += 1
            continue
        code = int(field or 0)
        if code == 0:
            style.reset()
        elif code == 1:
            style.bold = True
        elif code == 2:
            style.dim = True
        elif code == 3:
            style.italic = True
        elif code == 4:
            style.underline = True
        elif code == 7:
            style.reverse = True
        elif code == 22:
            style.bold = style.dim = False
        elif code == 23:
            style.italic = False
        elif code == 24:
            style.underline = False
        elif code == 27:
            style.reverse = False
        elif 30 <= code <= 37:
            style.fg = ("i", code - 30)
        elif 90 <= code <= 97:
            style.fg = ("i", code - 90 + 8)
        elif 40 <= code <= 47:
            style.bg = ("i", code - 40)
        elif 100 <= code <= 107:
            style.bg = ("i", code - 100 + 8)
        elif code == 39:
            style.fg = None
        elif code == 49:
            style.bg = None
        elif code in (38, 48, 58) and i + 1 < len(values):
            kind = values[i + 1]
            colour = None
            if kind == "5" and i + 2 < len(values):
                colour = ("i", int(values[i + 2] or 0))
                i += 2
            elif kind == "2" and i + 4 < len(values):
                colour = ("rgb", (int(values[i + 2] or 0), int(values[i + 3] or 0), int(values[i + 4] or 0)))
                i += 4
            if code == 38:
                style.fg = colour
            elif code == 48:
                style.bg = colour
        i += 1


def cell_width(char):
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


ESCAPE = re.compile(r"\x1b\[([0-9;:?]*)([A-Za-z])|\x1b[()][0-9A-Za-z]|\x1b.")


def parse(text, columns, rows):
    """The grid: rows of cells (char, Style, width); the SGR state carries across lines."""
    grid = []
    style = Style()
    for line in text.split("\n")[:rows]:
        cells = []
        position = 0
        for match in ESCAPE.finditer(line + "\x1b[Z"):
            for char in line[position:match.start()]:
                if char in "\r\x07":
                    continue
                width = cell_width(char)
                if width == 0 and cells:
                    previous = cells[-1]
                    cells[-1] = (previous[0] + char, previous[1], previous[2])
                    continue
                cells.append((char, style.copy(), width))
                if width == 2:
                    cells.append(("", style.copy(), 0))  # the right half of a wide glyph
            position = match.end()
            if match.group(2) == "m":
                apply_sgr(style, match.group(1).split(";") if match.group(1) else [])
        grid.append(cells[:columns])
    while len(grid) < rows:
        grid.append([])
    return grid


def find_font(name):
    for directory in FONT_DIRECTORIES:
        path = os.path.join(directory, FONT_FILES[name])
        if os.path.exists(path):
            return path
    return None


def load_fonts(size):
    fonts = {}
    for name in FONT_FILES:
        path = find_font(name)
        if path is None:
            if name in ("regular", "fallback"):
                print(
                    f"render_ansi_png.py needs the DejaVu fonts ({FONT_FILES[name]} not found). "
                    "Debian/Ubuntu: apt-get install fonts-dejavu-core",
                    file=sys.stderr,
                )
                sys.exit(3)
            continue
        fonts[name] = ImageFont.truetype(path, size)
    for name in ("bold", "italic", "bold-italic"):
        fonts.setdefault(name, fonts["regular"])
    fonts.setdefault("fallback-bold", fonts["fallback"])
    return fonts


def glyph_pixels(font, char):
    image = Image.new("L", (64, 64), 0)
    ImageDraw.Draw(image).text((8, 8), char, font=font, fill=255)
    return image.tobytes()


def has_glyph(font, char, cache={}):
    """False when the font would draw its "missing glyph" box for char."""
    key = (id(font), char)
    if key not in cache:
        if char.isspace():
            cache[key] = True
        else:
            missing = cache.setdefault((id(font), None), glyph_pixels(font, "\U0010fffd"))
            cache[key] = glyph_pixels(font, char) != missing
    return cache[key]


def blend(a, b, amount):
    return tuple(int(round(x * (1 - amount) + y * amount)) for x, y in zip(a, b))


def render(grid, columns, rows, background, out_path, font_size=15, margin=14):
    scheme = DEFAULTS[background]
    fonts = load_fonts(font_size)
    regular = fonts["regular"]
    ascent, descent = regular.getmetrics()
    cell_w = int(round(regular.getlength("M")))
    cell_h = ascent + descent + 2
    width = columns * cell_w + 2 * margin
    height = rows * cell_h + 2 * margin

    def resolve(colour, default):
        if colour is None:
            return default
        if colour[0] == "i":
            return xterm_256(colour[1], scheme["ansi"])
        return colour[1]

    def colours(style):
        fg = resolve(style.fg, scheme["fg"])
        bg = resolve(style.bg, scheme["bg"])
        if style.reverse:
            fg, bg = bg, fg
        if style.dim:
            fg = blend(fg, bg, 0.45)
        return fg, bg

    # The margin takes the screen's commonest background, so a theme with its own background
    # colour is framed in it; cells the capture leaves out have the terminal's default.
    counts = Counter()
    for cells in grid:
        counts.update(colours(style)[1] for _, style, _ in cells)
        counts[scheme["bg"]] += columns - len(cells)
    image = Image.new("RGB", (width, height), counts.most_common(1)[0][0])
    draw = ImageDraw.Draw(image)
    draw.rectangle([margin, margin, margin + columns * cell_w - 1, margin + rows * cell_h - 1], fill=scheme["bg"])

    # Backgrounds first, so a glyph that overhangs its cell is not painted over.
    for y, cells in enumerate(grid):
        for x, (_, style, _) in enumerate(cells):
            left = margin + x * cell_w
            top = margin + y * cell_h
            draw.rectangle([left, top, left + cell_w - 1, top + cell_h - 1], fill=colours(style)[1])
    for y, cells in enumerate(grid):
        for x, (char, style, span) in enumerate(cells):
            if not char or char == " ":
                if style.underline:
                    fg, _ = colours(style)
                    top = margin + y * cell_h
                    draw.line([margin + x * cell_w, top + ascent + 2, margin + (x + 1) * cell_w - 1, top + ascent + 2], fill=fg)
                continue
            fg, _ = colours(style)
            font = fonts["bold-italic" if style.bold and style.italic else "bold" if style.bold else "italic" if style.italic else "regular"]
            if not has_glyph(font, char[0]):
                font = fonts["fallback-bold" if style.bold else "fallback"]
            left = margin + x * cell_w
            top = margin + y * cell_h + 1
            box = cell_w * max(1, span)
            glyph_w = font.getlength(char)
            if glyph_w > box:  # shrink a too-wide fallback glyph into its cells, keeping its shape
                glyph = Image.new("L", (int(glyph_w) + 2, cell_h), 0)
                ImageDraw.Draw(glyph).text((0, 0), char, font=font, fill=255)
                scale = box / glyph.width
                glyph = glyph.resize((box, max(1, int(cell_h * scale))), Image.LANCZOS)
                offset = (cell_h - glyph.height) // 2
                image.paste(Image.new("RGB", glyph.size, fg), (left, top + offset), glyph)
            else:
                draw.text((left + (box - glyph_w) / 2, top), char, font=font, fill=fg)
            if style.underline:
                draw.line([left, top + ascent + 1, left + box - 1, top + ascent + 1], fill=fg)
    # A terminal screen has few colours: an adaptive 256-colour palette keeps every one of
    # them and the text's anti-aliasing, at a third of the size.
    image.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(out_path, optimize=True)
    return width, height


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("capture", help="file with the capture (tmux capture-pane -e -p -N)")
    parser.add_argument("output", help="PNG to write")
    parser.add_argument("--columns", type=int, required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--background", choices=["dark", "light"], default="dark",
                        help="the terminal's default colours: dark or light")
    parser.add_argument("--font-size", type=int, default=15)
    args = parser.parse_args()
    with open(args.capture, encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    grid = parse(text, args.columns, args.rows)
    width, height = render(grid, args.columns, args.rows, args.background, args.output, args.font_size)
    print(f"{args.output}: {args.columns}x{args.rows} cells, {width}x{height} px")


if __name__ == "__main__":
    main()
