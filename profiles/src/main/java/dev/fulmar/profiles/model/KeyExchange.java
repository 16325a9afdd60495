package dev.fulmar.profiles.model;

/** Key exchange methods (IANA Transform Type 4, formerly Diffie-Hellman groups). */
public enum KeyExchange implements Algorithm {
  MODP2048("modp2048", 14, "MODP_2048", Status.SUPPORTED),
  MODP3072("modp3072", 15, "MODP_3072", Status.SUPPORTED),
  MODP4096("modp4096", 16, "MODP_4096", Status.SUPPORTED),
  MODP6144("modp6144", 17, "MODP_6144", Status.UNSUPPORTED),
  MODP8192("modp8192", 18, "MODP_8192", Status.UNSUPPORTED),
  ECP256("ecp256", 19, "ECP_256", Status.SUPPORTED),
  ECP384("ecp384", 20, "ECP_384", Status.SUPPORTED),
  ECP521("ecp521", 21, "ECP_521", Status.SUPPORTED),
  CURVE25519("x25519", 31, "CURVE25519", Status.SUPPORTED),
  CURVE448("x448", 32, "CURVE448", Status.UNSUPPORTED),
  MLKEM512("mlkem512", 35, "ML_KEM_512", Status.SUPPORTED),
  MLKEM768("mlkem768", 36, "ML_KEM_768", Status.SUPPORTED),
  MLKEM1024("mlkem1024", 37, "ML_KEM_1024", Status.SUPPORTED),
  ECP224("ecp224", 26, "ECP_224", Status.UNSUPPORTED),
  ECP256BP("ecp256bp", 28, "BRAINPOOL_P256", Status.UNSUPPORTED),
  ECP384BP("ecp384bp", 29, "BRAINPOOL_P384", Status.UNSUPPORTED),
  MODP2048S256("modp2048s256", 24, "MODP_2048_256", Status.UNSUPPORTED),
  MODP2048S224("modp2048s224", 23, "MODP_2048_224", Status.UNSUPPORTED),
  MODP1024S160("modp1024s160", 22, "MODP_1024_160", Status.WEAK),
  ECP192("ecp192", 25, "ECP_192", Status.WEAK),
  MODP1536("modp1536", 5, "MODP_1536", Status.WEAK),
  MODP1024("modp1024", 2, "MODP_1024", Status.WEAK),
  MODP768("modp768", 1, "MODP_768", Status.WEAK);

  private final String keyword;
  private final int id;
  private final String ianaName;
  private final Status status;

  KeyExchange(String keyword, int id, String ianaName, Status status) {
    this.keyword = keyword;
    this.id = id;
    this.ianaName = ianaName;
    this.status = status;
  }

  /** True for the post-quantum KEMs, which RFC 9370 allows as additional key exchanges. */
  public boolean isPostQuantum() {
    return this == MLKEM512 || this == MLKEM768 || this == MLKEM1024;
  }

  /** The method with the given IANA ID, if known. */
  public static java.util.Optional<KeyExchange> byId(int id) {
    for (KeyExchange k : values()) {
      if (k.id == id) {
        return java.util.Optional.of(k);
      }
    }
    return java.util.Optional.empty();
  }

  @Override
  public String keyword() {
    return keyword;
  }

  @Override
  public int transformType() {
    return 4;
  }

  @Override
  public int transformId() {
    return id;
  }

  @Override
  public int keyLength() {
    return 0;
  }

  @Override
  public String ianaName() {
    return ianaName;
  }

  @Override
  public Status status() {
    return status;
  }
}
