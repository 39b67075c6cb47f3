#!/usr/bin/env bash
# Installs the Debian packages the test suite uses, when they are missing:
#   dicom3tools (dciodvfy: every DICOM object written is validated), orthanc (the real PACS of the
#   network tests), dcmtk (dcmdjpls/dcmdjpeg: the decoder fallback for JPEG-LS and 12-bit JPEG, whose
#   tests would otherwise be skipped). Runs apt-get as root, or through sudo otherwise.
set -euo pipefail
missing=()
command -v dciodvfy >/dev/null 2>&1 || missing+=(dicom3tools)
command -v Orthanc >/dev/null 2>&1 || missing+=(orthanc)
command -v dcmdjpls >/dev/null 2>&1 || missing+=(dcmtk)
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
    as_root=(sudo)
fi
echo "installing ${missing[*]} for the tests"
"${as_root[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q "${missing[@]}"
