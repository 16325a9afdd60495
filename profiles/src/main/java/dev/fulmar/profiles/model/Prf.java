package dev.fulmar.profiles.model;

/** Pseudorandom functions (IANA Transform Type 2). */
public enum Prf implements Algorithm {
  PRFSHA256("prfsha256", 5, "PRF_HMAC_SHA2_256", Status.SUPPORTED),
  PRFSHA384("prfsha384", 6, "PRF_HMAC_SHA2_384", Status.SUPPORTED),
  PRFSHA512("prfsha512", 7, "PRF_HMAC_SHA2_512", Status.SUPPORTED),
  PRFAESXCBC("prfaesxcbc", 4, "PRF_AES128_XCBC", Status.UNSUPPORTED),
  PRFAESCMAC("prfaescmac", 8, "PRF_AES128_CMAC", Status.UNSUPPORTED),
  PRFSHA1("prfsha1", 2, "PRF_HMAC_SHA1", Status.WEAK),
  PRFMD5("prfmd5", 1, "PRF_HMAC_MD5", Status.WEAK);

  private final String keyword;
  private final int id;
  private final String ianaName;
  private final Status status;

  Prf(String keyword, int id, String ianaName, Status status) {
    this.keyword = keyword;
    this.id = id;
    this.ianaName = ianaName;
    this.status = status;
  }

  @Override
  public String keyword() {
    return keyword;
  }

  @Override
  public int transformType() {
    return 2;
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
