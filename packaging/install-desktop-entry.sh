#!/bin/sh
# Put the bundle's desktop entry and icon where the desktop finds them (for this user), pointing at this folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/desk-app.png" "$icons/desk-app.png"
sed "s|^Exec=desk-app|Exec=\"$here/desk-app\"|" "$here/desk-app.desktop" > "$apps/desk-app.desktop"
echo "installed $apps/desk-app.desktop"
