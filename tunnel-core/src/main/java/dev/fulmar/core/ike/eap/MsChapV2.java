package dev.fulmar.core.ike.eap;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * The MS-CHAPv2 computations of RFC 2759 §8 and the MPPE keys of RFC 3079 §3.
 *
 * <p>MD4, SHA-1 and single DES are part of the protocol itself and cannot be replaced; MS-CHAPv2
 * is only ever used inside the IKEv2 SA, which is what protects it.
 */
final class MsChapV2 {

  private static final byte[] MAGIC1 =
      "Magic server to client signing constant".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MAGIC2 =
      "Pad to make it do more than one iteration".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MASTER_MAGIC =
      "This is the MPPE Master Key".getBytes(StandardCharsets.US_ASCII);
  /** RFC 3079 §3.4 Magic2: the client's send key. */
  private static final byte[] CLIENT_SEND_MAGIC = ("On the client side, this is the send key; on"
      + " the server side, it is the receive key.").getBytes(StandardCharsets.US_ASCII);
  /** RFC 3079 §3.4 Magic3: the client's receive key. */
  private static final byte[] CLIENT_RECEIVE_MAGIC = ("On the client side, this is the receive"
      + " key; on the server side, it is the send key.").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA_PAD1 = new byte[40];
  private static final byte[] SHA_PAD2 = filled(40, (byte) 0xf2);

  private MsChapV2() {}

  private static byte[] filled(int n, byte v) {
    byte[] b = new byte[n];
    Arrays.fill(b, v);
    return b;
  }

  /** MD4 (RFC 1320), through Bouncy Castle: the JDK has none. */
  static byte[] md4(byte[] data) {
    MD4Digest d = new MD4Digest();
    d.update(data, 0, data.length);
    byte[] out = new byte[16];
    d.doFinal(out, 0);
    return out;
  }

  /** NtPasswordHash: MD4 of the password in UTF-16LE. */
  static byte[] ntPasswordHash(char[] password) {
    ByteBuffer bb = StandardCharsets.UTF_16LE.encode(CharBuffer.wrap(password));
    byte[] unicode = new byte[bb.remaining()];
    bb.get(unicode);
    Arrays.fill(bb.array(), (byte) 0);
    try {
      return md4(unicode);
    } finally {
      Arrays.fill(unicode, (byte) 0);
    }
  }

  /** ChallengeHash: the first 8 octets of SHA-1(peer | authenticator | user name). */
  static byte[] challengeHash(byte[] peerChallenge, byte[] authChallenge, byte[] userName) {
    MessageDigest sha1 = sha1();
    sha1.update(peerChallenge);
    sha1.update(authChallenge);
    sha1.update(userName);
    return Arrays.copyOf(sha1.digest(), 8);
  }

  /** ChallengeResponse: DES of the challenge under three 7-octet pieces of the hash. */
  static byte[] challengeResponse(byte[] challenge, byte[] passwordHash) {
    byte[] z = Arrays.copyOf(passwordHash, 21);
    byte[] out = new byte[24];
    try {
      for (int i = 0; i < 3; i++) {
        Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
        byte[] key = desKey(z, 7 * i);
        des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
        des.doFinal(challenge, 0, 8, out, 8 * i);
        Arrays.fill(key, (byte) 0);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("DES is not available", e);
    } finally {
      Arrays.fill(z, (byte) 0);
    }
    return out;
  }

  /** Spreads 56 key bits over 8 octets (the low bit of each, parity, is ignored by DES). */
  static byte[] desKey(byte[] in, int off) {
    long bits = 0;
    for (int i = 0; i < 7; i++) {
      bits = (bits << 8) | (in[off + i] & 0xff);
    }
    byte[] key = new byte[8];
    for (int i = 0; i < 8; i++) {
      key[i] = (byte) (((bits >>> (49 - 7 * i)) & 0x7f) << 1);
    }
    return key;
  }

  /** GenerateNTResponse (RFC 2759 §8.1). */
  static byte[] ntResponse(byte[] authChallenge, byte[] peerChallenge, byte[] userName,
      byte[] passwordHash) {
    return challengeResponse(challengeHash(peerChallenge, authChallenge, userName), passwordHash);
  }

  /** GenerateAuthenticatorResponse (RFC 2759 §8.7): {@code "S="} and 40 upper-case hex digits. */
  static String authenticatorResponse(byte[] passwordHash, byte[] ntResponse,
      byte[] peerChallenge, byte[] authChallenge, byte[] userName) {
    byte[] hashHash = md4(passwordHash);
    MessageDigest sha1 = sha1();
    sha1.update(hashHash);
    sha1.update(ntResponse);
    sha1.update(MAGIC1);
    byte[] digest = sha1.digest();
    sha1.update(digest);
    sha1.update(challengeHash(peerChallenge, authChallenge, userName));
    sha1.update(MAGIC2);
    Arrays.fill(hashHash, (byte) 0);
    return "S=" + HexFormat.of().withUpperCase().formatHex(sha1.digest());
  }

  /** GetMasterKey (RFC 3079 §3.4): 16 octets of SHA-1(hash(hash) | NT-Response | magic). */
  static byte[] masterKey(byte[] passwordHashHash, byte[] ntResponse) {
    MessageDigest sha1 = sha1();
    sha1.update(passwordHashHash);
    sha1.update(ntResponse);
    sha1.update(MASTER_MAGIC);
    return Arrays.copyOf(sha1.digest(), 16);
  }

  /** GetAsymmetricStartKey (RFC 3079 §3.4) for a 128-bit key. */
  static byte[] asymmetricStartKey(byte[] masterKey, boolean isSend, boolean isServer) {
    byte[] magic = isSend == isServer ? CLIENT_RECEIVE_MAGIC : CLIENT_SEND_MAGIC;
    return shaWithPads(masterKey, magic);
  }

  /** GetNewKeyFromSHA (RFC 3079 §3.2) for 128-bit keys: the MPPE session key. */
  static byte[] newKeyFromSha(byte[] startKey, byte[] sessionKey) {
    return shaWithPads(startKey, sessionKey);
  }

  private static byte[] shaWithPads(byte[] key, byte[] middle) {
    MessageDigest sha1 = sha1();
    sha1.update(key);
    sha1.update(SHA_PAD1);
    sha1.update(middle);
    sha1.update(SHA_PAD2);
    return Arrays.copyOf(sha1.digest(), 16);
  }

  /**
   * The 64-octet MSK as IKEv2 gateways derive it (strongSwan, Windows): the client's send key,
   * the client's receive key (the MS-MPPE-Recv-Key and MS-MPPE-Send-Key of the server), then 32
   * zero octets.
   */
  static byte[] msk(byte[] passwordHash, byte[] ntResponse) {
    byte[] hashHash = md4(passwordHash);
    byte[] master = masterKey(hashHash, ntResponse);
    byte[] out = new byte[64];
    System.arraycopy(asymmetricStartKey(master, true, false), 0, out, 0, 16);
    System.arraycopy(asymmetricStartKey(master, false, false), 0, out, 16, 16);
    Arrays.fill(hashHash, (byte) 0);
    Arrays.fill(master, (byte) 0);
    return out;
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-1 is not available", e);
    }
  }
}
