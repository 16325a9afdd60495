package dev.fulmar.helper.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * The demo's files. Its identity (CA, gateway certificate and key, the user's password) is kept
 * root-only in the state directory so that a profile the user imported once, and a password
 * the app remembered, stay valid for the next demo; everything of one run (the gateway's
 * configuration, its log and PID, the profile to import) lives in the run directory, which
 * {@code demo down} deletes.
 */
final class DemoFiles {
  private static final List<String> SWANCTL_DIRS = List.of("conf.d", "x509", "x509ca", "x509aa",
      "x509ac", "x509crl", "x509ocsp", "private", "rsa", "ecdsa", "bliss", "pkcs8", "pkcs12",
      "pubkey");
  private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

  /** The demo's secrets and certificates; {@link #wipe()} clears the password. */
  record Identity(String caCertPem, String gatewayCertPem, String gatewayKeyPem,
      char[] password) {
    void wipe() {
      java.util.Arrays.fill(password, '\0');
    }
  }

  final Path runDir;
  final Path stateDir;

  DemoFiles(Path runDir, Path stateDir) {
    this.runDir = runDir;
    this.stateDir = stateDir;
  }

  Path profile() {
    return runDir.resolve("demo.vpn");
  }

  Path gatewayDir() {
    return runDir.resolve("gateway");
  }

  Path log() {
    return runDir.resolve("charon.log");
  }

  private Path pidFile() {
    return runDir.resolve("charon.pid");
  }

  /** The identity of earlier demos, or a new one (kept for the next). */
  Identity identity(SecureRandom random, Instant now)
      throws IOException, GeneralSecurityException {
    Path ca = stateDir.resolve("ca.pem");
    Path cert = stateDir.resolve("gateway.pem");
    Path key = stateDir.resolve("gateway-key.pem");
    Path password = stateDir.resolve("password");
    if (Files.isRegularFile(ca) && Files.isRegularFile(cert) && Files.isRegularFile(key)
        && Files.isRegularFile(password)) {
      return new Identity(Files.readString(ca), Files.readString(cert), Files.readString(key),
          Files.readString(password).strip().toCharArray());
    }
    DemoPki.Material m = DemoPki.issue(random, now);
    char[] pw = password(random);
    directory(stateDir, "rwx------");
    write(ca, m.caCertPem(), "rw-------");
    write(cert, m.gatewayCertPem(), "rw-------");
    write(key, m.gatewayKeyPem(), "rw-------");
    write(password, new String(pw) + "\n", "rw-------");
    return new Identity(m.caCertPem(), m.gatewayCertPem(), m.gatewayKeyPem(), pw);
  }

  /** A password people can type: four groups of four from 31 unambiguous characters (79 bits). */
  static char[] password(SecureRandom random) {
    char[] pw = new char[19];
    for (int i = 0; i < pw.length; i++) {
      pw[i] = i % 5 == 4 ? '-' : PASSWORD_ALPHABET.charAt(
          random.nextInt(PASSWORD_ALPHABET.length()));
    }
    return pw;
  }

  /** The gateway's strongswan.conf and swanctl/ (root-only: it holds the key and the secret). */
  void writeGateway(Identity id) throws IOException {
    directory(runDir, "rwxr-xr-x");
    Path gw = gatewayDir();
    directory(gw, "rwx------");
    Path swanctl = gw.resolve("swanctl");
    for (String sub : SWANCTL_DIRS) {
      Files.createDirectories(swanctl.resolve(sub));
    }
    write(gw.resolve("strongswan.conf"), GatewayConfig.strongswanConf(), "rw-r--r--");
    write(swanctl.resolve("swanctl.conf"), GatewayConfig.swanctlConf(DemoProfile.USER,
        id.password()), "rw-------");
    write(swanctl.resolve("x509").resolve(GatewayConfig.GATEWAY_CERT), id.gatewayCertPem(),
        "rw-r--r--");
    write(swanctl.resolve("x509ca").resolve(GatewayConfig.CA_CERT), id.caCertPem(),
        "rw-r--r--");
    write(swanctl.resolve("private").resolve(GatewayConfig.GATEWAY_KEY), id.gatewayKeyPem(),
        "rw-------");
  }

  /** The profile the user imports: readable by everyone (it holds no secret). */
  void writeProfile(Identity id) throws IOException {
    directory(runDir, "rwxr-xr-x");
    write(profile(), DemoProfile.json(id.caCertPem()), "rw-r--r--");
  }

  void writePid(long pid) throws IOException {
    directory(runDir, "rwxr-xr-x");
    write(pidFile(), pid + "\n", "rw-r--r--");
  }

  OptionalLong pid() {
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(pidFile()).strip()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** Deletes the run directory; true when there was one. */
  boolean deleteRun() throws IOException {
    return deleteTree(runDir);
  }

  /** Deletes the identity too; true when there was one. */
  boolean deleteState() throws IOException {
    return deleteTree(stateDir);
  }

  private static boolean deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return false;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
        Files.deleteIfExists(f);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        Files.deleteIfExists(d);
        return FileVisitResult.CONTINUE;
      }
    });
    return true;
  }

  private static void directory(Path dir, String mode) throws IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(mode));
  }

  /** Temp file with the final mode from the start, then renamed over the target. */
  static void write(Path target, String text, String mode) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(mode));
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (NoSuchFileException ignored) {
        // moved
      }
    }
  }
}
