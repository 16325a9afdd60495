package dev.fulmar.profiles.model;

/** Integrity transforms (IANA Transform Type 3). */
public enum Integrity implements Algorithm {
  SHA256("sha256", 12, "AUTH_HMAC_SHA2_256_128", Status.SUPPORTED, Prf.PRFSHA256),
  SHA384("sha384", 13, "AUTH_HMAC_SHA2_384_192", Status.SUPPORTED, Prf.PRFSHA384),
  SHA512("sha512", 14, "AUTH_HMAC_SHA2_512_256", Status.SUPPORTED, Prf.PRFSHA512),
  AESXCBC("aesxcbc", 5, "AUTH_AES_XCBC_96", Status.UNSUPPORTED, Prf.PRFAESXCBC),
  AESCMAC("aescmac", 8, "AUTH_AES_CMAC_96", Status.UNSUPPORTED, Prf.PRFAESCMAC),
  SHA1("sha1", 2, "AUTH_HMAC_SHA1_96", Status.WEAK, Prf.PRFSHA1),
  MD5("md5", 1, "AUTH_HMAC_MD5_96", Status.WEAK, Prf.PRFMD5);

  private final String keyword;
  private final int id;
  private final String ianaName;
  private final Status status;
  private final Prf matchingPrf;

  Integrity(String keyword, int id, String ianaName, Status status, Prf matchingPrf) {
    this.keyword = keyword;
    this.id = id;
    this.ianaName = ianaName;
    this.status = status;
    this.matchingPrf = matchingPrf;
  }

  /** The PRF with the same hash, used when an IKE proposal names no PRF (as strongSwan does). */
  public Prf matchingPrf() {
    return matchingPrf;
  }

  @Override
  public String keyword() {
    return keyword;
  }

  @Override
  public int transformType() {
    return 3;
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
