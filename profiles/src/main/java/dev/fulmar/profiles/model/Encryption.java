package dev.fulmar.profiles.model;

/** Encryption transforms (IANA Transform Type 1). */
public enum Encryption implements Algorithm {
  AES128("aes128", 12, 128, "ENCR_AES_CBC", Status.SUPPORTED, false),
  AES192("aes192", 12, 192, "ENCR_AES_CBC", Status.UNSUPPORTED, false),
  AES256("aes256", 12, 256, "ENCR_AES_CBC", Status.SUPPORTED, false),
  AES128GCM16("aes128gcm16", 20, 128, "ENCR_AES_GCM_16", Status.SUPPORTED, true),
  AES192GCM16("aes192gcm16", 20, 192, "ENCR_AES_GCM_16", Status.UNSUPPORTED, true),
  AES256GCM16("aes256gcm16", 20, 256, "ENCR_AES_GCM_16", Status.SUPPORTED, true),
  AES128GCM12("aes128gcm12", 19, 128, "ENCR_AES_GCM_12", Status.UNSUPPORTED, true),
  AES256GCM12("aes256gcm12", 19, 256, "ENCR_AES_GCM_12", Status.UNSUPPORTED, true),
  AES128GCM8("aes128gcm8", 18, 128, "ENCR_AES_GCM_8", Status.UNSUPPORTED, true),
  AES256GCM8("aes256gcm8", 18, 256, "ENCR_AES_GCM_8", Status.UNSUPPORTED, true),
  AES128CTR("aes128ctr", 13, 128, "ENCR_AES_CTR", Status.UNSUPPORTED, false),
  AES256CTR("aes256ctr", 13, 256, "ENCR_AES_CTR", Status.UNSUPPORTED, false),
  AES128CCM16("aes128ccm16", 16, 128, "ENCR_AES_CCM_16", Status.UNSUPPORTED, true),
  AES256CCM16("aes256ccm16", 16, 256, "ENCR_AES_CCM_16", Status.UNSUPPORTED, true),
  CAMELLIA128("camellia128", 23, 128, "ENCR_CAMELLIA_CBC", Status.UNSUPPORTED, false),
  CAMELLIA256("camellia256", 23, 256, "ENCR_CAMELLIA_CBC", Status.UNSUPPORTED, false),
  CHACHA20POLY1305("chacha20poly1305", 28, 0, "ENCR_CHACHA20_POLY1305", Status.SUPPORTED, true),
  TRIPLE_DES("3des", 3, 0, "ENCR_3DES", Status.WEAK, false),
  DES("des", 2, 0, "ENCR_DES", Status.WEAK, false),
  BLOWFISH("blowfish", 7, 128, "ENCR_BLOWFISH", Status.WEAK, false),
  CAST128("cast128", 6, 128, "ENCR_CAST", Status.WEAK, false),
  NULL("null", 11, 0, "ENCR_NULL", Status.WEAK, false);

  private final String keyword;
  private final int id;
  private final int keyLength;
  private final String ianaName;
  private final Status status;
  private final boolean aead;

  Encryption(String keyword, int id, int keyLength, String ianaName, Status status, boolean aead) {
    this.keyword = keyword;
    this.id = id;
    this.keyLength = keyLength;
    this.ianaName = ianaName;
    this.status = status;
    this.aead = aead;
  }

  /** True for combined-mode (AEAD) ciphers, which need no separate integrity transform. */
  public boolean isAead() {
    return aead;
  }

  @Override
  public String keyword() {
    return keyword;
  }

  @Override
  public int transformType() {
    return 1;
  }

  @Override
  public int transformId() {
    return id;
  }

  @Override
  public int keyLength() {
    return keyLength;
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
