#!/usr/bin/env bash
# Builds Weft's app image and installer with jpackage into target/jpackage/:
#   jpackage/build.sh            Linux: app image and .deb; macOS: app image and .dmg;
#                                Windows (Git Bash): app image and .msi
#   jpackage/build.sh deb        only the given types (app-image, deb, rpm, dmg, pkg, msi, exe)
# It builds target/weft.jar first (mvn -q -B package -DskipTests; SKIP_MAVEN=1 uses the jar as it is).
# Needs a full JDK 17 (jpackage, jlink, jdeps): $JDK, else $JAVA_HOME, else Debian's; a .deb needs
# fakeroot and dpkg-deb, an .msi the WiX Toolset 3. The runtime: jlink with jpackage/jlink.opts.
# jpackage: jpackage/common.opts, then the system's (linux.opts, mac.opts, windows.opts), then the
# type's (deb.opts, msi.opts) when there is one.
set -euo pipefail
cd "$(dirname "$0")/.."

jdk=${JDK:-${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}}
case "$(uname -s)" in
  Linux) os=linux; types=(app-image deb) ;;
  Darwin) os=mac; types=(app-image dmg) ;;
  MINGW* | MSYS* | CYGWIN*) os=windows; types=(app-image msi) ;;
  *) echo "build.sh: unknown system $(uname -s)" >&2; exit 2 ;;
esac
(($#)) && types=("$@")
for tool in jpackage jlink jdeps java; do
  [ -x "$jdk/bin/$tool" ] || [ -x "$jdk/bin/$tool.exe" ] || { echo "build.sh: no $tool in $jdk/bin (set JDK to a full JDK 17)" >&2; exit 2; }
done

[ "${SKIP_MAVEN:-}" = 1 ] || mvn -q -B package -DskipTests

# jpackage wants a numeric version: 0.1.0-SNAPSHOT becomes 0.1.0
version=$("$jdk/bin/java" -jar target/weft.jar --version)
version=${version#weft }
version=${version%%-*}

# every module the jar uses must be in --add-modules
listed=$(sed -n 's/^--add-modules //p' jpackage/jlink.opts)
needed=$("$jdk/bin/jdeps" --multi-release 17 --print-module-deps --ignore-missing-deps target/weft.jar)
for module in ${needed//,/ }; do
  [[ ",$listed," == *",$module,"* ]] || { echo "build.sh: weft.jar needs $module: add it to --add-modules in jpackage/jlink.opts" >&2; exit 1; }
done

out=target/jpackage
rm -rf "$out"
mkdir -p "$out/input" "$out/resources"
cp target/weft.jar "$out/input/"   # the input folder is copied whole into the app: the jar alone
grep -v '^#' app/weft.desktop >"$out/resources/weft.desktop"   # a jpackage template; comments are ours
cp app/weft.png "$out/resources/"
cp jpackage/deb/postinst jpackage/deb/prerm "$out/resources/"   # .deb: a headless system installs too

"$jdk/bin/jlink" @jpackage/jlink.opts --output "$out/runtime"
# the launcher starts the JVM itself: no java or keytool (on Windows bin/ holds the DLLs too); and
# -Xmx1g always has compressed oops, so the archive for a heap without them is never read
rm -f "$out"/runtime/bin/{java,keytool}{,.exe} "$out"/runtime/{lib,bin}/server/classes_nocoops.jsa
rmdir "$out/runtime/bin" 2>/dev/null || true

for type in "${types[@]}"; do
  opts=(@jpackage/common.opts @"jpackage/$os.opts")
  [ -f "jpackage/$type.opts" ] && opts+=(@"jpackage/$type.opts")
  echo "jpackage --type $type --app-version $version ${opts[*]}"
  "$jdk/bin/jpackage" "${opts[@]}" --type "$type" --app-version "$version" \
    --runtime-image "$out/runtime" --input "$out/input" --resource-dir "$out/resources" --dest "$out"
done
ls -l "$out"
