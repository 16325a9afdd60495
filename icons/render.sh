#!/usr/bin/env bash
# Renders the SVG sources in icons/src to the PNG, ICO and ICNS sets the app and the installers use.
#
#   icons/render.sh            render everything and copy what the app loads into its resources
#
# Needs the Debian packages librsvg2-bin (rsvg-convert), imagemagick (convert, for .ico) and
# icnsutils (png2icns, for .icns). The output is committed, so a build does not need them.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$here/src
out=$here/png
app_res=$here/../client-app/src/main/resources/dev/fulmar/app/icons
sizes=(16 24 32 48 64 128 256)

for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "render.sh: $tool is missing (apt-get install librsvg2-bin imagemagick icnsutils)" >&2; exit 1; }
done

mkdir -p "$out" "$app_res"
for svg in "$src"/*.svg; do
  name=$(basename "$svg" .svg)
  for s in "${sizes[@]}"; do
    rsvg-convert --width "$s" --height "$s" --keep-aspect-ratio --format png \
      --output "$out/$name-$s.png" "$svg"
  done
done

# Windows: one .ico with the usual sizes (PNG-compressed 256 px entry).
convert "$out"/app-{16,24,32,48,64,128,256}.png "$here/fulmar.ico"

# macOS: .icns from the sizes Apple's format has slots for (16, 32, 48, 128, 256).
png2icns "$here/fulmar.icns" "$out"/app-{16,32,48,128,256}.png >/dev/null

# What the app loads: the window icons and the tray state icons.
for s in "${sizes[@]}"; do
  cp "$out/app-$s.png" "$app_res/"
done
for state in disconnected connecting connected error; do
  for s in 16 24 32 48 64; do
    cp "$out/tray-$state-$s.png" "$app_res/"
  done
done
echo "render.sh: wrote $out, fulmar.ico, fulmar.icns and $app_res"
