# Orca's settings for the display suite (tests/display/screen_reader.py copies this file into
# the private preferences folder it gives Orca, where Orca loads it at start).
#
# The defaults a new user gets, except for what the tests must not depend on: no braille
# display (none is attached), no sound icons (no sound device) and no echo of the keys the
# tests press, so what Orca says is what the app presents.

import orca.debug
import orca.settings

# Orca writes its debug file, where the tests read what it said, through a block-buffered
# file: a line could wait there until Orca had written 8 KB more. Each line is written out as
# it is logged instead.
if orca.debug.debugFile is not None:
    orca.debug.debugFile.reconfigure(line_buffering=True)

orca.settings.enableBraille = False
orca.settings.enableSound = False
orca.settings.enableKeyEcho = False
