#!/usr/bin/env bash
# Install the Safe Lishui dashboard from this bundle, with no network: checksums first, then a venv
# from the bundled wheels only, then (as root) a systemd service run by an unprivileged user.
#
#   sudo ./install.sh                                  /opt/safe-lishui, service on 0.0.0.0:8501
#   sudo ./install.sh --address 127.0.0.1 --port 8601  behind a reverse proxy
#   ./install.sh --prefix ~/safe-lishui --no-systemd   a trial install without root
set -euo pipefail
umask 022  # the service user reads what root installs

here=$(cd "$(dirname "$0")" && pwd)
prefix=/opt/safe-lishui
systemd=yes
address=0.0.0.0
port=8501
settings_given=no  # --address or --port: otherwise an upgrade keeps /etc/safe-lishui.env as it is
python=python3.11
service_user=safe-lishui

die() { echo "install.sh: $*" >&2; exit 1; }
usage() {
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
  echo "Options: --prefix DIR  --no-systemd  --address ADDR  --port PORT  --python PYTHON3.11"
}

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
    --no-systemd) systemd=no; shift ;;
    --address) address=${2:?--address needs an address}; settings_given=yes; shift 2 ;;
    --port) port=${2:?--port needs a number}; settings_given=yes; shift 2 ;;
    --python) python=${2:?--python needs a command}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done
case "$port" in ''|*[!0-9]*) die "--port must be a number, not '$port'" ;; esac
[ "$systemd" = no ] || [ "$(id -u)" = 0 ] || die "installing the service needs root; for a trial use --prefix DIR --no-systemd"
case "$prefix" in *[[:space:]\|]*) die "--prefix must not contain spaces or '|': $prefix" ;; esac
prefix=$(mkdir -p "$prefix" && cd "$prefix" && pwd) || die "cannot create $prefix"

echo "Checking the bundle's checksums…"
(cd "$here" && sha256sum --quiet --strict -c SHA256SUMS) \
  || die "the bundle is damaged or incomplete (a file above is missing or changed); copy the archive again and check it with: sha256sum -c SHA256SUMS"
extra=$(cd "$here" && find app wheels -type f | sort | comm -13 <(cut -c67- SHA256SUMS | sort) -)
[ -z "$extra" ] || die "files that the bundle did not ship: $extra"

command -v "$python" >/dev/null || die "$python not found: the bundle's wheels are for CPython 3.11 (Debian: apt-get install python3.11 python3.11-venv)"
"$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || die "$python is not Python 3.11"

version=$(cat "$here/VERSION")
echo "Installing version $version into $prefix…"
if [ "$systemd" = yes ] && [ -d /run/systemd/system ] && systemctl is-active --quiet safe-lishui; then
  echo "Stopping the running service for the upgrade (it starts again at the end)…"
  systemctl stop safe-lishui
fi
rm -rf "$prefix/app.new"
cp -a "$here/app" "$prefix/app.new"
rm -rf "$prefix/app" && mv "$prefix/app.new" "$prefix/app"
[ -x "$prefix/venv/bin/python" ] || "$python" -m venv "$prefix/venv"
# Only the bundled wheels: no index, no configured links or mirrors (PIP_CONFIG_FILE=/dev/null loads no
# pip.conf), so a missing wheel fails here instead of being fetched.
env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL -u PIP_INDEX_URL -u PIP_CONSTRAINT PIP_CONFIG_FILE=/dev/null \
  "$prefix/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-index \
  --find-links "$here/wheels" -r "$prefix/app/requirements.txt" \
  || die "installing the wheels failed (see above); the bundle may be for another Python or machine"

# The data lives beside the app as releases; "data" is a link to the one served (deploy/update-data).
if [ ! -e "$prefix/data" ]; then
  mkdir -p "$prefix/data-releases"
  cp -a "$prefix/app/data" "$prefix/data-releases/$version"
  ln -s "data-releases/$version" "$prefix/data"
fi
(cd "$prefix/app" && "$prefix/venv/bin/python" -m components.validate "$prefix/data") \
  || die "the data folder $prefix/data does not validate (see above)"

if [ "$systemd" = yes ]; then
  id -u "$service_user" >/dev/null 2>&1 \
    || useradd --system --no-create-home --home-dir /var/lib/safe-lishui --shell /usr/sbin/nologin "$service_user"
  (cd "$prefix/app" && runuser -u "$service_user" -- "$prefix/venv/bin/python" -c "import components") \
    || die "the service user $service_user cannot run $prefix/venv/bin/python or read $prefix/app: the Python \
$(readlink -f "$prefix/venv/bin/python") may lie in a private folder (such as /root). Use a system Python: \
rm -rf $prefix/venv && ./install.sh --python /usr/bin/python3.11"
  if [ "$settings_given" = no ] && [ -f /etc/safe-lishui.env ]; then
    echo "Keeping /etc/safe-lishui.env as it is (pass --address or --port to change it)."
  else
  cat > /etc/safe-lishui.env <<ENV
# Read by safe-lishui.service; change and run: systemctl restart safe-lishui
SAFE_LISHUI_ADDRESS=$address
SAFE_LISHUI_PORT=$port
DASHBOARD_DATA_DIR=$prefix/data
ENV
  fi
  sed "s|@PREFIX@|$prefix|g" "$prefix/app/deploy/safe-lishui.service" > /etc/systemd/system/safe-lishui.service
  if [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    systemctl enable --now safe-lishui
    systemctl restart safe-lishui
    echo "The service runs: systemctl status safe-lishui; logs: journalctl -u safe-lishui"
  else
    echo "systemd is not running here; start it later with: systemctl daemon-reload && systemctl enable --now safe-lishui"
  fi
else
  echo "Start it by hand:"
  echo "  cd $prefix/app && DASHBOARD_DATA_DIR=$prefix/data $prefix/venv/bin/python -m components.serve --server.address $address --server.port $port"
fi
echo "Check it: cd $prefix/app && DASHBOARD_DATA_DIR=$prefix/data $prefix/venv/bin/python -m components.check_install --url http://127.0.0.1:$port"
echo "Installed Safe Lishui $version."
