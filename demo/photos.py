"""The demo's one timeline photo, drawn with Pillow when the demo is loaded (no image file ships):
a stadium at dusk, its pitch striped and lined, stands and floodlights, in the home side's red."""

import io

from PIL import Image, ImageDraw

from fixtures_app.photos import Rendition, renditions

WIDTH, HEIGHT = 1600, 900


def stadium_photo() -> tuple[Rendition, ...]:
    image = Image.new("RGB", (WIDTH, HEIGHT), (24, 32, 64))
    draw = ImageDraw.Draw(image)
    for y in range(0, 330):  # the sky, darker upwards
        shade = 40 + y // 4
        draw.line([(0, y), (WIDTH, y)], fill=(shade // 2, shade // 2, shade + 40))
    draw.polygon([(0, 330), (WIDTH, 330), (WIDTH, 470), (0, 470)], fill=(150, 20, 30))  # the stands
    for x in range(0, WIDTH, 16):
        draw.line([(x, 335), (x + 8, 465)], fill=(185, 40, 50), width=3)
    for stripe in range(10):  # the pitch, mown in stripes, in perspective
        top = 470 + stripe * 43
        colour = (46, 139, 60) if stripe % 2 else (58, 160, 72)
        draw.rectangle([(0, top), (WIDTH, top + 43)], fill=colour)
    draw.polygon([(260, 500), (1340, 500), (1560, 880), (40, 880)], outline="white", width=5)
    draw.line([(800, 500), (800, 880)], fill="white", width=5)
    draw.ellipse([(650, 620), (950, 760)], outline="white", width=5)
    for x in (120, 1480):  # floodlights
        draw.rectangle([(x - 6, 80), (x + 6, 330)], fill=(90, 90, 100))
        draw.rectangle([(x - 50, 50), (x + 50, 95)], fill=(255, 250, 210))
    out = io.BytesIO()
    image.save(out, "PNG")
    out.seek(0)
    return renditions(out)


PHOTOS = {"stadium": stadium_photo}
