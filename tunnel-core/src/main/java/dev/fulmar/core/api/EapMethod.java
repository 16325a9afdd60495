package dev.fulmar.core.api;

/** The EAP methods the client implements (RFC 3748 method types). */
public enum EapMethod {
  /** EAP-MSCHAPv2 (type 26), with verification of the gateway's authenticator response. */
  MSCHAPV2(26),
  /** EAP-TLS (type 13), client certificate inside EAP. */
  TLS(13),
  /** EAP-MD5-Challenge (type 4), for gateways that insist on it. */
  MD5(4),
  /** EAP-GTC (type 6), generic token card / one-time passwords. */
  GTC(6);

  private final int type;

  EapMethod(int type) {
    this.type = type;
  }

  /** The EAP method type number. */
  public int type() {
    return type;
  }
}
