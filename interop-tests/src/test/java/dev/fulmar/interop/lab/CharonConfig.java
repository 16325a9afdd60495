package dev.fulmar.interop.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one charon instance of the lab runs with: its strongswan.conf settings (plugin load
 * list, logging, DoS protection, ...) and its swanctl configuration (connections, pools, secrets,
 * certificates and keys). {@link #writeTo} renders both into a directory that the daemon later
 * sees as /etc/strongswan.conf and /etc/swanctl.
 */
public final class CharonConfig {
  /**
   * The plugins every lab daemon loads, in this order. kernel-libipsec does ESP in userspace (the
   * kernel has no XFRM); kdf is required for the IKE key derivation; xauth-generic lets eap-gtc
   * check passwords against the EAP secrets.
   */
  public static final List<String> PLUGINS = List.of(
      "kernel-libipsec", "kernel-netlink", "socket-default", "vici", "kdf", "nonce", "random",
      "x509", "pem", "pkcs1", "pkcs8", "pubkey", "openssl", "aes", "gcm", "chapoly", "sha2",
      "hmac", "curve25519", "gmp", "revocation", "constraints", "eap-identity", "eap-mschapv2",
      "eap-md5", "eap-gtc", "eap-tls", "xauth-generic", "attr");

  /** Subdirectories swanctl --load-all reads (created empty so that it does not complain). */
  private static final List<String> SWANCTL_DIRS = List.of("conf.d", "x509", "x509ca", "x509aa",
      "x509ac", "x509crl", "x509ocsp", "private", "rsa", "ecdsa", "bliss", "pkcs8", "pkcs12",
      "pubkey");

  /** The connection that keeps one IKE_SA half-open so that the gateway demands cookies. */
  static final String COOKIE_DECOY = "cookie-decoy";

  private final ConfTree settings = new ConfTree();
  private final ConfTree global = new ConfTree();
  private final Map<String, Connection> connections = new LinkedHashMap<>();
  private final ConfTree pools = new ConfTree();
  private final ConfTree secrets = new ConfTree();
  private final Map<String, X509Certificate> caCerts = new LinkedHashMap<>();
  private final List<Credential> credentials = new ArrayList<>();
  private int secretCount;
  private boolean cookiesForced;

  public CharonConfig() {
    settings.set("load", String.join(" ", PLUGINS));
    ConfTree log = settings.section("filelog.stderr");
    log.set("time_format", "%H:%M:%S");
    log.set("ike_name", "yes");
    log.set("flush_line", "yes");
    log.set("default", "1");
    log.set("ike", "2");
    log.set("cfg", "2");
    settings.set("journal.default", "-1");
    settings.set("plugins.eap-gtc.backend", "generic");
  }

  /** A strongswan.conf setting below {@code charon-systemd}, e.g. {@code ("fragment_size",
   * "1280")} or {@code ("plugins.kernel-libipsec.allow_peer_ts", "yes")}. */
  public CharonConfig setting(String path, String value) {
    settings.set(path, value);
    return this;
  }

  /**
   * A top-level strongswan.conf setting outside {@code charon-systemd}, e.g. {@code
   * ("libtls.version_max", "1.2")} for the TLS library behind EAP-TLS.
   */
  public CharonConfig globalSetting(String path, String value) {
    global.set(path, value);
    return this;
  }

  public CharonConfig connection(Connection connection) {
    connections.put(connection.name(), connection);
    credentials.addAll(connection.credentials());
    return this;
  }

  /** An address pool for virtual IPs with optional attributes (e.g. dns). */
  public CharonConfig pool(String name, String addrs, String dns) {
    ConfTree pool = pools.section(name).set("addrs", addrs);
    if (dns != null) {
      pool.set("dns", dns);
    }
    return this;
  }

  /** Trusts {@code ca} (installed in x509ca/ as {@code name.pem}). */
  public CharonConfig trust(String name, X509Certificate ca) {
    caCerts.put(name, ca);
    return this;
  }

  /** Trusts the CA of {@code pki}. */
  public CharonConfig trust(Pki pki) {
    return trust("ca-" + pki.caName().replaceAll("[^A-Za-z0-9]", "_"), pki.caCert());
  }

  /** An EAP secret (password) for {@code id}. */
  public CharonConfig eapSecret(String id, String secret) {
    return secret("eap", secret, id);
  }

  /** An IKE pre-shared key shared by {@code ids}. */
  public CharonConfig psk(String secret, String... ids) {
    return secret("ike", secret, ids);
  }

  private CharonConfig secret(String type, String secret, String... ids) {
    ConfTree s = secrets.section(type + "-" + (++secretCount));
    for (int i = 0; i < ids.length; i++) {
      s.set(i == 0 ? "id" : "id" + (i + 1), ids[i]);
    }
    s.set("secret", secret);
    return this;
  }

  /**
   * Makes a gateway answer every IKE_SA_INIT without a valid cookie with a COOKIE notify: the
   * cookie threshold becomes 1 and, once started, the gateway is kept holding one half-open IKE_SA
   * (a lone IKE_SA_INIT sent from the LAN host to a dedicated decoy connection).
   */
  public CharonConfig forceCookies() {
    cookiesForced = true;
    settings.set("dos_protection", "yes");
    settings.set("cookie_threshold", "1");
    settings.set("half_open_timeout", "3600");
    return connection(Connection.named(COOKIE_DECOY)
        .remoteAddrs(Lab.LAN_HOST_IP)
        .proposals(CookieDecoy.PROPOSAL)
        .local(Auth.of("psk"))
        .remote(Auth.of("psk")));
  }

  boolean cookiesForced() {
    return cookiesForced;
  }

  List<String> connectionNames() {
    return List.copyOf(connections.keySet());
  }

  /** The strongswan.conf text. */
  String strongswanConf() {
    return new ConfTree().put("charon-systemd", settings).render() + global.render();
  }

  /** The swanctl.conf text (contains the test secrets). */
  String swanctlConf() {
    ConfTree root = new ConfTree();
    ConfTree conns = root.section("connections");
    connections.values().forEach(c -> conns.put(c.name(), c.tree()));
    if (!pools.isEmpty()) {
      root.put("pools", pools);
    }
    if (!secrets.isEmpty()) {
      root.put("secrets", secrets);
    }
    return root.render();
  }

  /** Writes strongswan.conf, resolv.conf and swanctl/ (config, certificates, keys) into dir. */
  public void writeTo(Path dir) {
    try {
      Path swanctl = dir.resolve("swanctl");
      for (String sub : SWANCTL_DIRS) {
        Files.createDirectories(swanctl.resolve(sub));
      }
      Files.writeString(dir.resolve("strongswan.conf"), strongswanConf());
      Files.writeString(dir.resolve("resolv.conf"), "nameserver 127.0.0.1\n");
      Files.writeString(swanctl.resolve("swanctl.conf"), swanctlConf());
      for (Map.Entry<String, X509Certificate> ca : caCerts.entrySet()) {
        Files.writeString(swanctl.resolve("x509ca/" + ca.getKey() + ".pem"),
            Credential.pem("CERTIFICATE", Credential.der(ca.getValue())));
      }
      for (Credential c : credentials) {
        Files.writeString(swanctl.resolve("x509/" + c.name() + ".pem"), c.certificatePem());
        Path key = swanctl.resolve("private/" + c.name() + ".pem");
        Files.writeString(key, c.privateKeyPem());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write charon config to " + dir, e);
    }
  }

  @Override
  public String toString() {
    return "CharonConfig" + connections.keySet();
  }
}
