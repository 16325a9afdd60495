package dev.fulmar.core.ike.eap;

import dev.fulmar.core.ike.eap.EapAuthenticationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * EAP-MSCHAPv2, client side (RFC 2759 inside EAP, draft-kamath-pppext-eap-mschapv2-02).
 *
 * <pre>
 *  Type-Data of every packet:
 *  +---------+-------------+-----------+----------------------------------+
 *  | OpCode  | MS-CHAPv2-ID| MS-Length | data (by OpCode)                 |
 *  +---------+-------------+-----------+----------------------------------+
 *  Challenge (1): Value-Size=16 | Challenge(16) | Name
 *  Response  (2): Value-Size=49 | Peer-Challenge(16) | Reserved(8) | NT-Response(24) | Flags | Name
 *  Success   (3): request "S=&lt;40 hex&gt; M=&lt;message&gt;", response: OpCode only
 *  Failure   (4): request "E=eeee R=r C=&lt;32 hex&gt; V=v M=&lt;message&gt;", response: OpCode only
 * </pre>
 *
 * <p>The Success Response is sent only after the gateway's authenticator response ("S=") proved
 * it knows the password; the MSK exists only from then on. A Failure Request is answered with a
 * Failure Response and recorded as a typed {@link EapAuthenticationException} with the error code.
 * The peer challenge comes from the injected {@link SecureRandom}.
 */
public final class EapMsChapV2 implements EapMethod {

  private static final int CHALLENGE = 1;
  private static final int RESPONSE = 2;
  private static final int SUCCESS = 3;
  private static final int FAILURE = 4;
  private static final int CHALLENGE_LEN = 16;

  private final byte[] name;
  private final byte[] userName;
  private final byte[] passwordHash;
  private final SecureRandom random;
  private String expectedAuthResponse;
  private byte[] pendingMsk;
  private byte[] msk;
  private EapAuthenticationException failure;

  /**
   * A method for {@code identity} (sent as Name; a {@code DOMAIN\} prefix is left out of the
   * challenge hash, as Windows and strongSwan do). The password is hashed at once and not kept;
   * the caller wipes its array.
   */
  public EapMsChapV2(String identity, char[] password, SecureRandom random) {
    this.name = identity.getBytes(StandardCharsets.UTF_8);
    int slash = identity.indexOf('\\');
    this.userName = identity.substring(slash + 1).getBytes(StandardCharsets.UTF_8);
    this.passwordHash = MsChapV2.ntPasswordHash(password);
    this.random = random;
  }

  @Override
  public EapType type() {
    return EapType.MSCHAPV2;
  }

  @Override
  public byte[] process(int identifier, byte[] td) throws EapException {
    if (td.length < 1) {
      throw new EapFormatException("EAP-MSCHAPv2 request without an OpCode");
    }
    switch (td[0] & 0xff) {
      case CHALLENGE:
        return challenge(td);
      case SUCCESS:
        return success(td);
      case FAILURE:
        return failure(td);
      default:
        throw new EapFormatException("EAP-MSCHAPv2 OpCode " + (td[0] & 0xff)
            + " is not supported (password change is not offered)");
    }
  }

  private byte[] challenge(byte[] td) throws EapFormatException {
    if (td.length < 5 + CHALLENGE_LEN || (td[4] & 0xff) != CHALLENGE_LEN) {
      throw new EapFormatException("EAP-MSCHAPv2 Challenge of " + td.length + " bytes has no"
          + " 16-byte challenge (Value-Size at offset 4)");
    }
    byte[] authChallenge = Arrays.copyOfRange(td, 5, 5 + CHALLENGE_LEN);
    byte[] peerChallenge = new byte[CHALLENGE_LEN];
    random.nextBytes(peerChallenge);
    byte[] nt = MsChapV2.ntResponse(authChallenge, peerChallenge, userName, passwordHash);
    expectedAuthResponse = MsChapV2.authenticatorResponse(passwordHash, nt, peerChallenge,
        authChallenge, userName);
    pendingMsk = MsChapV2.msk(passwordHash, nt);
    failure = null;
    int len = 4 + 1 + 49 + name.length;
    byte[] out = new byte[len];
    out[0] = RESPONSE;
    out[1] = td[1];
    out[2] = (byte) (len >>> 8);
    out[3] = (byte) len;
    out[4] = 49;
    System.arraycopy(peerChallenge, 0, out, 5, CHALLENGE_LEN);
    System.arraycopy(nt, 0, out, 5 + CHALLENGE_LEN + 8, 24);
    System.arraycopy(name, 0, out, 5 + 49, name.length);
    return out;
  }

  private byte[] success(byte[] td) throws EapException {
    if (expectedAuthResponse == null) {
      throw new EapFormatException("EAP-MSCHAPv2 Success before any Challenge");
    }
    String message = new String(td, Math.min(4, td.length), Math.max(0, td.length - 4),
        StandardCharsets.ISO_8859_1);
    byte[] got = authString(message);
    byte[] want = HexFormat.of().parseHex(expectedAuthResponse.substring(2));
    if (got == null || !MessageDigest.isEqual(got, want)) {
      throw new EapAuthenticationException(Reason.GATEWAY_NOT_AUTHENTICATED, "the gateway did"
          + " not prove that it knows the password (wrong MSCHAPv2 authenticator response):"
          + " it may not be the real gateway", null);
    }
    msk = pendingMsk;
    return new byte[] {SUCCESS};
  }

  /** The 20 octets of the "S=" token, or null if missing or malformed. */
  private static byte[] authString(String message) {
    for (String token : message.split(" ")) {
      if (token.startsWith("S=") && token.length() == 42) {
        try {
          return HexFormat.of().parseHex(token.substring(2).toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }

  private byte[] failure(byte[] td) {
    String message = new String(td, Math.min(4, td.length), Math.max(0, td.length - 4),
        StandardCharsets.ISO_8859_1);
    failure = MsChapV2Failure.parse(message);
    expectedAuthResponse = null;
    pendingMsk = null;
    return new byte[] {FAILURE};
  }

  @Override
  public boolean isComplete() {
    return msk != null;
  }

  @Override
  public Optional<EapAuthenticationException> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public boolean producesMsk() {
    return true;
  }

  @Override
  public Optional<byte[]> msk() {
    return msk == null ? Optional.empty() : Optional.of(msk.clone());
  }

  /** Wipes the password hash (it is as good as the password) and the MSK. */
  @Override
  public void destroy() {
    Arrays.fill(passwordHash, (byte) 0);
    if (pendingMsk != null) {
      Arrays.fill(pendingMsk, (byte) 0);
    }
    expectedAuthResponse = null;
  }
}
