package dev.fulmar.interop.lab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strongSwan client configuration for the lab's standard gateway ({@link GatewayConfig}): one
 * connection {@code home} to 192.0.2.1 that requests a virtual IP, authenticates the gateway by
 * its certificate for vpn.fulmar.test (or by PSK) and has a split child {@code lan} and a full
 * child {@code full}.
 */
public final class ClientConfig {
  /** The client's connection name. */
  public static final String CONNECTION = "home";

  private final Pki pki;
  private final Auth local;
  private final Credential credential;
  private final String eapId;
  private final String secret;
  private final boolean psk;
  private String gateway = Lab.GATEWAY_IP;
  private String remoteId = Lab.GATEWAY_NAME;
  private String ikeProposals = GatewayConfig.IKE_PROPOSALS;
  private String espProposals = GatewayConfig.ESP_PROPOSALS;
  private final Map<String, String> connOptions = new LinkedHashMap<>();
  private final Map<String, String> settings = new LinkedHashMap<>();

  private ClientConfig(Pki pki, Auth local, Credential credential, String eapId, String secret,
      boolean psk) {
    this.pki = pki;
    this.local = local;
    this.credential = credential;
    this.eapId = eapId;
    this.secret = secret;
    this.psk = psk;
    // give up quickly when the gateway does not answer (refusal tests)
    settings.put("retransmit_timeout", "1");
    settings.put("retransmit_tries", "3");
  }

  /** EAP-MSCHAPv2 as the lab's standard user. */
  public static ClientConfig eapMschapv2(Pki pki) {
    return eap(pki, "eap-mschapv2", GatewayConfig.EAP_USER, GatewayConfig.EAP_PASSWORD);
  }

  /** EAP with a password method (eap-mschapv2, eap-md5, eap-gtc) as {@code user}. */
  public static ClientConfig eap(Pki pki, String method, String user, String password) {
    return new ClientConfig(pki, Auth.of(method).id(user).eapId(user), null, user, password,
        false);
  }

  /** Certificate (pubkey) authentication with {@code credential}. */
  public static ClientConfig certificate(Pki pki, Credential credential) {
    return new ClientConfig(pki, Auth.pubkey(credential), credential, null, null, false);
  }

  /** EAP-TLS with {@code credential} (its identity should be in GatewayConfig.EAP_TLS_DOMAIN). */
  public static ClientConfig eapTls(Pki pki, Credential credential) {
    return new ClientConfig(pki, Auth.of("eap-tls").certificate(credential)
        .eapId(credential.identity()), credential, null, null, false);
  }

  /** PSK as {@link GatewayConfig#PSK_USER}. */
  public static ClientConfig psk(Pki pki) {
    return new ClientConfig(pki, Auth.of("psk").id(GatewayConfig.PSK_USER), null, null,
        GatewayConfig.PSK, true);
  }

  /** The gateway address to connect to (default 192.0.2.1). */
  public ClientConfig gateway(String address) {
    this.gateway = address;
    return this;
  }

  /** The identity the gateway must prove (default vpn.fulmar.test). */
  public ClientConfig remoteId(String id) {
    this.remoteId = id;
    return this;
  }

  public ClientConfig ikeProposals(String proposals) {
    this.ikeProposals = proposals;
    return this;
  }

  public ClientConfig espProposals(String proposals) {
    this.espProposals = proposals;
    return this;
  }

  /** Any swanctl.conf setting of the connection. */
  public ClientConfig connOption(String key, String value) {
    connOptions.put(key, value);
    return this;
  }

  /** A strongswan.conf setting of the client daemon (below charon-systemd). */
  public ClientConfig setting(String path, String value) {
    settings.put(path, value);
    return this;
  }

  public CharonConfig build() {
    Auth remote = psk ? Auth.of("psk").id(remoteId) : Auth.of("pubkey").id(remoteId);
    Connection conn = Connection.named(CONNECTION)
        .remoteAddrs(gateway)
        .vips("0.0.0.0")
        .proposals(ikeProposals)
        .fragmentation("yes")
        .local(local)
        .remote(remote)
        .child(Child.named("lan").remoteTs(Lab.LAN_SUBNET).espProposals(espProposals))
        .child(Child.named("full").remoteTs("0.0.0.0/0").espProposals(espProposals));
    connOptions.forEach(conn::set);
    CharonConfig c = new CharonConfig().trust(pki).connection(conn);
    if (psk) {
      c.psk(secret, GatewayConfig.PSK_USER, remoteId);
    } else if (eapId != null) {
      c.eapSecret(eapId, secret);
    }
    settings.forEach(c::setting);
    return c;
  }

  /** The credential the client authenticates with, if any. */
  public Credential credential() {
    return credential;
  }
}
