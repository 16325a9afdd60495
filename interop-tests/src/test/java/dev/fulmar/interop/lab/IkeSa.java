package dev.fulmar.interop.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * An IKE_SA as charon lists it over VICI ({@code list-sa} event), parsed into what tests assert
 * on. {@code raw} holds every field for anything not modelled here.
 *
 * @param name the connection name
 * @param dhGroup the key exchange method of IKE_SA_INIT (e.g. ECP_384, CURVE_25519)
 * @param additionalKeyExchanges RFC 9370 additional key exchanges in order (ake1..ake7), e.g.
 *     ML_KEM_768
 */
public record IkeSa(
    String name, String uniqueId, String state, String version,
    String localHost, int localPort, String localId,
    String remoteHost, int remotePort, String remoteId, String remoteEapId,
    String initiatorSpi, String responderSpi, boolean initiator,
    boolean natLocal, boolean natRemote, boolean natFake, boolean natAny,
    String encrAlg, int encrKeysize, String integAlg, String prfAlg, String dhGroup,
    List<String> additionalKeyExchanges, List<String> localVips, List<String> remoteVips,
    List<ChildSa> children, ViciMessage raw) {

  public boolean established() {
    return "ESTABLISHED".equals(state);
  }

  /** The negotiated IKE algorithms as swanctl prints them, e.g. {@code
   * AES_GCM_16-256/PRF_HMAC_SHA2_384/ECP_384} or {@code .../CURVE_25519/KE1_ML_KEM_768}. */
  public String proposal() {
    List<String> parts = new ArrayList<>();
    parts.add(encrAlg + (encrKeysize > 0 ? "-" + encrKeysize : ""));
    if (integAlg != null) {
      parts.add(integAlg);
    }
    parts.add(prfAlg);
    parts.add(dhGroup);
    for (int i = 0; i < additionalKeyExchanges.size(); i++) {
      parts.add("KE" + (i + 1) + "_" + additionalKeyExchanges.get(i));
    }
    return String.join("/", parts);
  }

  /** Every key exchange method in order: the IKE_SA_INIT group, then the additional ones. */
  public List<String> keyExchanges() {
    List<String> all = new ArrayList<>();
    all.add(dhGroup);
    all.addAll(additionalKeyExchanges);
    return all;
  }

  /**
   * The identity the peer proved with EAP. charon lists {@code remote-eap-id} only when it differs
   * from the IKE identity, so this falls back to {@link #remoteId()}.
   */
  public String eapIdentity() {
    return remoteEapId != null ? remoteEapId : remoteId;
  }

  /** The first CHILD_SA of this IKE_SA named {@code name}, or null. */
  public ChildSa child(String childName) {
    return children.stream().filter(c -> c.name().equals(childName)).findFirst().orElse(null);
  }

  static IkeSa parse(String name, ViciMessage m) {
    List<String> ake = new ArrayList<>();
    for (int i = 1; i <= 7 && m.get("ake" + i) != null; i++) {
      ake.add(m.get("ake" + i));
    }
    List<ChildSa> children = new ArrayList<>();
    ViciMessage childSas = m.section("child-sas");
    if (childSas != null) {
      for (String key : childSas.keys()) {
        children.add(ChildSa.parse(childSas.section(key)));
      }
    }
    return new IkeSa(name, m.get("uniqueid"), m.get("state"), m.get("version"),
        m.get("local-host"), num(m.get("local-port")), m.get("local-id"),
        m.get("remote-host"), num(m.get("remote-port")), m.get("remote-id"),
        m.get("remote-eap-id"), m.get("initiator-spi"), m.get("responder-spi"),
        yes(m.get("initiator")), yes(m.get("nat-local")), yes(m.get("nat-remote")),
        yes(m.get("nat-fake")), yes(m.get("nat-any")),
        m.get("encr-alg"), num(m.get("encr-keysize")), m.get("integ-alg"), m.get("prf-alg"),
        m.get("dh-group"), List.copyOf(ake), m.list("local-vips"), m.list("remote-vips"),
        List.copyOf(children), m);
  }

  static boolean yes(String v) {
    return "yes".equals(v);
  }

  static int num(String v) {
    try {
      return v == null ? 0 : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static long bigNum(String v) {
    try {
      return v == null ? 0 : Long.parseLong(v);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
