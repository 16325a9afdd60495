package dev.fulmar.core.ike;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * The gateway side of EAP-MSCHAPv2 for the test responder, written from RFC 2759 and RFC 3079
 * independently of the client under test, so each checks the other. The MSK is MasterReceiveKey |
 * MasterSendKey | 32 zero octets, as strongSwan's GenerateMSK makes it on both sides.
 *
 * <pre>
 *   Identity req --> resp; Challenge req --> Response; Success (S=...) req --> Success resp;
 *   EAP-Success.  A wrong NT-Response gets Failure (E=691) and then EAP-Failure.
 * </pre>
 */
public final class MsChapV2Server {
  private static final int CODE_REQUEST = 1;
  private static final int CODE_SUCCESS = 3;
  private static final int CODE_FAILURE = 4;
  private static final int TYPE_IDENTITY = 1;
  private static final int TYPE_MSCHAPV2 = 26;

  private enum State { IDENTITY, CHALLENGE, SUCCESS, FAILURE, DONE }

  private final String user;
  private final String password;
  private final byte[] challenge;
  private static final int MS_CHAP_ID = 7;
  private State state = State.IDENTITY;
  private int identifier = 1;
  private byte[] msk;
  private String identity;

  public MsChapV2Server(String user, String password, byte[] challenge16) {
    this.user = user;
    this.password = password;
    this.challenge = challenge16.clone();
  }

  /** The first request: EAP-Request/Identity. */
  public byte[] start() {
    return packet(CODE_REQUEST, TYPE_IDENTITY, new byte[0]);
  }

  /** The MSK once EAP succeeded. */
  public Optional<byte[]> msk() {
    return Optional.ofNullable(msk);
  }

  /** The identity the client gave. */
  public String identity() {
    return identity;
  }

  public boolean succeeded() {
    return msk != null;
  }

  /** The next EAP message for the client's response. */
  public byte[] next(byte[] response) throws GeneralSecurityException {
    int type = response.length > 4 ? response[4] & 0xff : -1;
    switch (state) {
      case IDENTITY:
        identity = new String(response, 5, response.length - 5, StandardCharsets.UTF_8);
        state = State.CHALLENGE;
        return challengeRequest();
      case CHALLENGE:
        return type == TYPE_MSCHAPV2 ? checkResponse(response) : failure();
      case SUCCESS:
        state = State.DONE;
        return new byte[] {CODE_SUCCESS, (byte) identifier, 0, 4};
      default:
        state = State.DONE;
        return failure();
    }
  }

  private byte[] challengeRequest() {
    ByteBuffer b = ByteBuffer.allocate(4 + 1 + 16 + 7);
    b.put((byte) 1).put((byte) MS_CHAP_ID).putShort((short) (4 + 1 + 16 + 7)).put((byte) 16)
        .put(challenge).put("gateway".getBytes(StandardCharsets.US_ASCII));
    return packet(CODE_REQUEST, TYPE_MSCHAPV2, b.array());
  }

  private byte[] checkResponse(byte[] r) throws GeneralSecurityException {
    // type data: OpCode(2) | MS-ID | MS-Length(2) | Value-Size(49) | PeerChallenge(16) |
    // Reserved(8) | NT-Response(24) | Flags | Name
    byte[] peerChallenge = Arrays.copyOfRange(r, 10, 26);
    byte[] ntResponse = Arrays.copyOfRange(r, 34, 58);
    String name = new String(r, 59, r.length - 59, StandardCharsets.UTF_8);
    byte[] pwHash = md4(password.getBytes(StandardCharsets.UTF_16LE));
    byte[] chHash = challengeHash(peerChallenge, challenge, name);
    byte[] expected = challengeResponse(chHash, pwHash);
    if (!name.equals(user) || !MessageDigest.isEqual(expected, ntResponse)) {
      state = State.FAILURE;
      String msg = "E=691 R=0 C=" + HexFormat.of().formatHex(new byte[16]) + " V=3 M=denied";
      return packet(CODE_REQUEST, TYPE_MSCHAPV2, msChap(4, msg));
    }
    byte[] pwHashHash = md4(pwHash);
    String s = "S=" + HexFormat.of().formatHex(authenticatorResponse(pwHashHash, ntResponse,
        chHash)).toUpperCase(Locale.ROOT) + " M=welcome";
    msk = msk(pwHashHash, ntResponse);
    state = State.SUCCESS;
    return packet(CODE_REQUEST, TYPE_MSCHAPV2, msChap(3, s));
  }

  private byte[] failure() {
    return new byte[] {CODE_FAILURE, (byte) identifier, 0, 4};
  }

  private byte[] msChap(int opCode, String message) {
    byte[] m = message.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(4 + m.length);
    b.put((byte) opCode).put((byte) MS_CHAP_ID).putShort((short) (4 + m.length)).put(m);
    return b.array();
  }

  private byte[] packet(int code, int type, byte[] typeData) {
    identifier++;
    ByteBuffer b = ByteBuffer.allocate(5 + typeData.length);
    b.put((byte) code).put((byte) identifier).putShort((short) (5 + typeData.length))
        .put((byte) type).put(typeData);
    return b.array();
  }

  static byte[] md4(byte[] in) {
    MD4Digest d = new MD4Digest();
    d.update(in, 0, in.length);
    byte[] out = new byte[16];
    d.doFinal(out, 0);
    return out;
  }

  static byte[] challengeHash(byte[] peer, byte[] auth, String user) throws GeneralSecurityException {
    MessageDigest sha = MessageDigest.getInstance("SHA-1");
    sha.update(peer);
    sha.update(auth);
    sha.update(user.getBytes(StandardCharsets.UTF_8));
    return Arrays.copyOf(sha.digest(), 8);
  }

  static byte[] challengeResponse(byte[] challenge8, byte[] pwHash) throws GeneralSecurityException {
    byte[] z = Arrays.copyOf(pwHash, 21);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < 3; i++) {
      Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
      des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(desKey(z, i * 7), "DES"));
      out.writeBytes(des.doFinal(challenge8));
    }
    return out.toByteArray();
  }

  private static byte[] desKey(byte[] in, int off) {
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

  static byte[] authenticatorResponse(byte[] pwHashHash, byte[] nt, byte[] chHash)
      throws GeneralSecurityException {
    MessageDigest sha = MessageDigest.getInstance("SHA-1");
    sha.update(pwHashHash);
    sha.update(nt);
    sha.update("Magic server to client signing constant".getBytes(StandardCharsets.US_ASCII));
    byte[] digest = sha.digest();
    sha.update(digest);
    sha.update(chHash);
    sha.update("Pad to make it do more than one iteration".getBytes(StandardCharsets.US_ASCII));
    return sha.digest();
  }

  static byte[] msk(byte[] pwHashHash, byte[] nt) throws GeneralSecurityException {
    MessageDigest sha = MessageDigest.getInstance("SHA-1");
    sha.update(pwHashHash);
    sha.update(nt);
    sha.update("This is the MPPE Master Key".getBytes(StandardCharsets.US_ASCII));
    byte[] master = Arrays.copyOf(sha.digest(), 16);
    byte[] receive = startKey(master, "On the client side, this is the send key; on the server"
        + " side, it is the receive key.");
    byte[] send = startKey(master, "On the client side, this is the receive key; on the server"
        + " side, it is the send key.");
    byte[] out = new byte[64];
    System.arraycopy(receive, 0, out, 0, 16);
    System.arraycopy(send, 0, out, 16, 16);
    return out;
  }

  private static byte[] startKey(byte[] master, String magic) throws GeneralSecurityException {
    MessageDigest sha = MessageDigest.getInstance("SHA-1");
    sha.update(master);
    sha.update(new byte[40]);
    sha.update(magic.getBytes(StandardCharsets.US_ASCII));
    byte[] pad2 = new byte[40];
    Arrays.fill(pad2, (byte) 0xf2);
    sha.update(pad2);
    return Arrays.copyOf(sha.digest(), 16);
  }
}
