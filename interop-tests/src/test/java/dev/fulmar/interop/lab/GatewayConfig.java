package dev.fulmar.interop.lab;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lab's standard remote-access gateway, ready to customize: one connection per authentication
 * method, told apart by the client's identity, all with a virtual IP pool (10.201.0.0/24, DNS
 * 10.200.0.53), a split-tunnel child {@code lan} (10.200.0.0/24) and a full-tunnel child {@code
 * full} (0.0.0.0/0); the client picks one by the TSr it proposes.
 *
 * <pre>
 *   connection    client auth    client identity (IDi)        credentials (see constants)
 *   eap-mschapv2  EAP-MSCHAPv2   anything                     EAP_USER / EAP_PASSWORD
 *   pubkey        certificate    anything (certificate SAN)   any certificate from the lab CA
 *   eap-tls       EAP-TLS        *@tls.fulmar.test            certificate from the lab CA
 *   eap-md5       EAP-MD5        *@md5.fulmar.test            MD5_USER / MD5_PASSWORD
 *   eap-gtc       EAP-GTC        *@gtc.fulmar.test            GTC_USER / GTC_PASSWORD
 *   psk           PSK            *@psk.fulmar.test            PSK_USER / PSK (gateway uses PSK too)
 * </pre>
 *
 * The gateway authenticates with a certificate for vpn.fulmar.test and 192.0.2.1 (RSA 2048 unless
 * {@link #gatewayCert} says otherwise), except on the PSK connection.
 *
 * <p>{@link #dualStack()} (for a {@link Lab#createDualStack dual-stack lab}) adds IPv6: a second
 * pool (2001:db8:201::/120, DNS 2001:db8:200::53), the IPv6 LAN in {@code lan} and ::/0 in
 * {@code full}.
 * A client then gets an address of each family it asks for, and the traffic selectors of the
 * families it proposes.
 */
public final class GatewayConfig {
  /** The four IKE proposals of the engine's interop proof, in the gateway's preference order. */
  public static final String IKE_PROPOSALS = "aes256gcm16-prfsha384-ecp384,"
      + "aes128gcm16-prfsha256-curve25519,chacha20poly1305-prfsha256-curve25519,"
      + "aes256-sha256-modp2048";
  /** The four ESP proposals of the engine's interop proof. */
  public static final String ESP_PROPOSALS = "aes256gcm16,aes128gcm16,chacha20poly1305,"
      + "aes256-sha256";
  public static final String POOL = "pool4";
  /** The IPv6 pool of a {@link #dualStack()} gateway. */
  public static final String POOL6 = "pool6";

  public static final String EAP_USER = "alice";
  public static final String EAP_PASSWORD = "fulmar-lab-alice-pw";
  public static final String EAP_TLS_DOMAIN = "tls.fulmar.test";
  public static final String MD5_USER = "mario@md5.fulmar.test";
  public static final String MD5_PASSWORD = "fulmar-lab-mario-pw";
  public static final String GTC_USER = "gina@gtc.fulmar.test";
  public static final String GTC_PASSWORD = "fulmar-lab-gina-pw";
  public static final String PSK_USER = "dave@psk.fulmar.test";
  public static final String PSK = "fulmar-lab-pre-shared-key-0123456789";

  private final Pki pki;
  private Credential gatewayCert;
  private String ikeProposals = IKE_PROPOSALS;
  private String espProposals = ESP_PROPOSALS;
  private boolean forceCookies;
  private boolean dualStack;
  private final Map<String, String> connOptions = new LinkedHashMap<>();
  private final Map<String, String> childOptions = new LinkedHashMap<>();
  private final Map<String, String> settings = new LinkedHashMap<>();
  private final Map<String, String> globalSettings = new LinkedHashMap<>();

  private GatewayConfig(Pki pki) {
    this.pki = pki;
    this.gatewayCert = pki.gateway(Pki.KeyKind.RSA_2048);
  }

  /** The standard gateway with every authentication method, trusting {@code pki}'s CA. */
  public static GatewayConfig remoteAccess(Pki pki) {
    return new GatewayConfig(pki);
  }

  /** The certificate the gateway authenticates with (3072-bit RSA forces IKE fragmentation). */
  public GatewayConfig gatewayCert(Credential credential) {
    this.gatewayCert = credential;
    return this;
  }

  /** IKE proposals the gateway accepts, e.g. only {@code "aes256gcm16-prfsha384-ecp384"}. */
  public GatewayConfig ikeProposals(String proposals) {
    this.ikeProposals = proposals;
    return this;
  }

  public GatewayConfig espProposals(String proposals) {
    this.espProposals = proposals;
    return this;
  }

  /**
   * IPv6 as well as IPv4 inside the tunnel: virtual IPs from {@link Lab#POOL_SUBNET6} with DNS
   * {@link Lab#PUSHED_DNS6}, {@link Lab#LAN_SUBNET6} added to the {@code lan} child's local
   * traffic selectors and ::/0 to the {@code full} child's.
   */
  public GatewayConfig dualStack() {
    this.dualStack = true;
    return this;
  }

  /** Answers every IKE_SA_INIT without a valid cookie with a COOKIE notify. */
  public GatewayConfig forceCookies() {
    this.forceCookies = true;
    return this;
  }

  public GatewayConfig mobike(boolean on) {
    return connOption("mobike", on ? "yes" : "no");
  }

  /** IKE fragmentation: yes (default), accept, force or no. */
  public GatewayConfig fragmentation(String mode) {
    return connOption("fragmentation", mode);
  }

  /** Dead peer detection: liveness checks every {@code delay}; dead peers' SAs are cleared. */
  public GatewayConfig dpd(Duration delay) {
    childOption("dpd_action", "clear");
    return connOption("dpd_delay", Connection.seconds(delay));
  }

  /** Short lifetimes to exercise rekeying: IKE_SA and CHILD_SA rekeyed after {@code time}. */
  public GatewayConfig rekeyAfter(Duration ike, Duration child) {
    connOption("rekey_time", Connection.seconds(ike));
    return childOption("rekey_time", Connection.seconds(child));
  }

  /** Any swanctl.conf setting, applied to every remote-access connection. */
  public GatewayConfig connOption(String key, String value) {
    connOptions.put(key, value);
    return this;
  }

  /** Any swanctl.conf child setting, applied to the lan and full children. */
  public GatewayConfig childOption(String key, String value) {
    childOptions.put(key, value);
    return this;
  }

  /** The highest TLS version the gateway's EAP-TLS accepts ("1.2" or "1.3"). */
  public GatewayConfig tlsVersionMax(String version) {
    globalSettings.put("libtls.version_max", version);
    return this;
  }

  /** A strongswan.conf setting of the gateway daemon (below charon-systemd). */
  public GatewayConfig setting(String path, String value) {
    settings.put(path, value);
    return this;
  }

  public CharonConfig build() {
    CharonConfig c = new CharonConfig().trust(pki).pool(POOL, Lab.POOL_SUBNET, Lab.PUSHED_DNS);
    if (dualStack) {
      c.pool(POOL6, Lab.POOL_SUBNET6, Lab.PUSHED_DNS6);
    }
    c.connection(conn("eap-mschapv2", Auth.pubkey(gatewayCert),
        Auth.of("eap-mschapv2").id("%any").eapId("%any")));
    c.connection(conn("pubkey", Auth.pubkey(gatewayCert), Auth.of("pubkey").id("%any")));
    c.connection(conn("eap-tls", Auth.pubkey(gatewayCert),
        Auth.of("eap-tls").id("*@" + EAP_TLS_DOMAIN).eapId("%any")));
    c.connection(conn("eap-md5", Auth.pubkey(gatewayCert),
        Auth.of("eap-md5").id("*@md5.fulmar.test").eapId("%any")));
    c.connection(conn("eap-gtc", Auth.pubkey(gatewayCert),
        Auth.of("eap-gtc").id("*@gtc.fulmar.test").eapId("%any")));
    c.connection(conn("psk", Auth.of("psk").id(Lab.GATEWAY_NAME),
        Auth.of("psk").id("*@psk.fulmar.test")));
    c.eapSecret(EAP_USER, EAP_PASSWORD)
        .eapSecret(MD5_USER, MD5_PASSWORD)
        .eapSecret(GTC_USER, GTC_PASSWORD)
        .psk(PSK, Lab.GATEWAY_NAME, PSK_USER);
    settings.forEach(c::setting);
    globalSettings.forEach(c::globalSetting);
    if (forceCookies) {
      c.forceCookies();
    }
    return c;
  }

  private Connection conn(String name, Auth local, Auth remote) {
    Connection conn = Connection.named(name)
        .proposals(ikeProposals)
        .pools(dualStack ? POOL + "," + POOL6 : POOL)
        .fragmentation("yes")
        .local(local)
        .remote(remote)
        .child(child("lan", dualStack ? Lab.LAN_SUBNET + "," + Lab.LAN_SUBNET6 : Lab.LAN_SUBNET))
        .child(child("full", dualStack ? "0.0.0.0/0,::/0" : "0.0.0.0/0"));
    connOptions.forEach(conn::set);
    return conn;
  }

  private Child child(String name, String localTs) {
    Child child = Child.named(name).localTs(localTs).espProposals(espProposals);
    childOptions.forEach(child::set);
    return child;
  }
}
