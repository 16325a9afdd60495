package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.AuthConfig;
import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.api.IkeSessionException;
import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.api.Secret;
import dev.fulmar.core.api.SessionEnvironment;
import dev.fulmar.core.api.TrafficSelector;
import dev.fulmar.core.esp.EspSaPair;
import dev.fulmar.core.esp.SaEventListener;
import dev.fulmar.core.esp.SaInstaller;
import dev.fulmar.core.ike.DeterministicRandom;
import dev.fulmar.core.ike.ManualSessionLoop;
import dev.fulmar.core.ike.ProposalStrings;
import dev.fulmar.core.ike.SessionLog;
import dev.fulmar.core.ike.crypto.ChildSuite;
import dev.fulmar.core.ike.crypto.IkeSaKeys;
import dev.fulmar.core.ike.crypto.IkeSuite;
import dev.fulmar.core.ike.crypto.KeyDerivation;
import dev.fulmar.core.ike.crypto.Role;
import dev.fulmar.core.ike.crypto.SkCiphers;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeHeader;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.sa.ChildSa;
import dev.fulmar.core.ike.sa.IkeSa;
import dev.fulmar.core.ike.sa.SaId;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One established IKE SA with one CHILD SA, as the engine's tasks see it (a {@link TaskContext}
 * with our side's keys), and the gateway's view of the same IKE SA, so that a test can play the
 * gateway: every message goes through the real codec and SK protection both ways ({@link
 * #toGateway}, {@link #toEngine}). The hooks and the data path are recording doubles.
 */
final class RekeyRig {
  static final long SPI_I = 0x1122334455667788L;
  static final long SPI_R = 0x0102030405060708L;
  /** Our inbound / outbound SPI of the CHILD SA in place. */
  static final long OLD_IN = 0xc0de0001L;
  static final long OLD_OUT = 0xbeef0001L;
  static final InetSocketAddress GATEWAY = new InetSocketAddress("192.0.2.1", 4500);
  static final List<TrafficSelector> LOCAL_TS = List.of(TrafficSelector.subnet("10.10.0.2/32"));
  static final List<TrafficSelector> REMOTE_TS =
      List.of(TrafficSelector.subnet("10.200.0.0/24"));
  /** The IKE SA's SKEYSEED inputs: any fixed values do; the keys only need to be shared. */
  private static final byte[] INIT_SECRET = HexFormat.of().parseHex("5eed".repeat(16));
  private static final byte[] INIT_NI = HexFormat.of().parseHex("01".repeat(32));
  private static final byte[] INIT_NR = HexFormat.of().parseHex("02".repeat(32));

  final Hooks hooks = new Hooks();
  final Installer installer = new Installer();
  final ManualSessionLoop loop = new ManualSessionLoop();
  final DeterministicRandom peerRandom = new DeterministicRandom(7);
  final IkeSa sa;
  final TaskContext ctx;
  final ChildSa old;
  /** The gateway's SK ciphers of the IKE SA (it is the responder). */
  private final SkCiphers gateway;
  private final IkeSaKeys gatewayKeys;
  private long engineMid;
  private long gatewayMid;

  /** Our side of the IKE SA as its original initiator. */
  RekeyRig(String ike, String esp) {
    this(ike, esp, false);
  }

  /**
   * With {@code asGateway}, the context is the gateway's side of the same SAs instead (the IKE
   * SA's responder, the CHILD SA's SPIs and selectors mirrored): a second engine for tests that
   * run our initiator against our responder.
   */
  RekeyRig(String ike, String esp, boolean asGateway) {
    this(ike, esp, asGateway, asGateway ? 13 : 3);
  }

  /** As above, with the randomness (SPIs, nonces, key shares) seeded by {@code seed}. */
  RekeyRig(String ike, String esp, boolean asGateway, long seed) {
    IkeSessionParams params;
    try {
      params = IkeSessionParams.builder().name("test").gateway("192.0.2.1")
          .auth(new AuthConfig.Psk(Secret.ofBytes("a pre-shared key".getBytes(
              java.nio.charset.StandardCharsets.UTF_8))))
          .ikeProposals(List.of(ProposalStrings.ikeOrFail(ike)))
          .espProposals(List.of(ProposalStrings.espOrFail(esp)))
          .saInstaller(installer)
          .build();
    } catch (IkeSessionException e) {
      throw new AssertionError(e);
    }
    SessionEnvironment env = SessionEnvironment.builder().loops(loop)
        .sockets((local, remote, receiver) -> {
          throw new UnsupportedOperationException("no sockets in task tests");
        })
        .resolver(host -> List.of(GATEWAY.getAddress()))
        .random(new DeterministicRandom(seed))
        .wallClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
        .build();
    sa = new IkeSa(new SaId(1), !asGateway, asGateway ? SPI_R : SPI_I);
    sa.setRemoteSpi(asGateway ? SPI_I : SPI_R);
    try {
      IkeSuite suite = IkeSuite.of(Algorithm.AES_GCM_16_256.transformId(), 256,
          Algorithm.PRF_HMAC_SHA2_384.transformId(), 0, Algorithm.CURVE25519.transformId(),
          List.of());
      IkeSaKeys keys = KeyDerivation.ikeSaKeys(suite, INIT_SECRET, INIT_NI, INIT_NR, SPI_I,
          SPI_R);
      SkCiphers ours = suite.ciphers(keys, asGateway ? Role.RESPONDER : Role.INITIATOR,
          new DeterministicRandom(4));
      sa.setKeys(new IkeSa.Keys(keys, ours.outbound(), ours.inbound()));
      gatewayKeys = KeyDerivation.ikeSaKeys(suite, INIT_SECRET, INIT_NI, INIT_NR, SPI_I, SPI_R);
      gateway = suite.ciphers(gatewayKeys, Role.RESPONDER, new DeterministicRandom(5));
      ChildSuite childSuite = ChildSuite.of(Algorithm.AES_GCM_16_256.transformId(), 256, 0,
          List.of());
      ChildSaInfo info = asGateway
          ? new ChildSaInfo(OLD_OUT, OLD_IN, Algorithm.AES_GCM_16_256, null, null, false,
              REMOTE_TS, LOCAL_TS)
          : new ChildSaInfo(OLD_IN, OLD_OUT, Algorithm.AES_GCM_16_256, null, null, false,
              LOCAL_TS, REMOTE_TS);
      old = new ChildSa(info, KeyDerivation.childSaKeys(keys, childSuite, List.of(), INIT_NI,
          INIT_NR));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
    sa.setState(IkeSa.State.ESTABLISHED);
    old.setState(ChildSa.State.INSTALLED);
    sa.children().add(old);
    ctx = new TaskContext(params, env, sa, hooks, new SessionLog("test"));
  }

  /** The IKE SA's keys as the gateway holds them (its SK_d derives the rekeyed keys). */
  IkeSaKeys gatewayKeys() {
    return gatewayKeys;
  }

  /** Our request, as the gateway decrypts it. */
  IkeMessage toGateway(ExchangeType type, List<Payload> payloads) {
    return wire(IkeHeader.request(SPI_I, SPI_R, type, engineMid++, true), payloads, true);
  }

  /** The gateway's answer to our last request, as we decrypt it. */
  IkeMessage answerToEngine(ExchangeType type, List<Payload> payloads) {
    IkeHeader request = IkeHeader.request(SPI_I, SPI_R, type, engineMid - 1, true);
    return wire(IkeHeader.responseTo(request), payloads, false);
  }

  /** A request of the gateway's, as we decrypt it. */
  IkeMessage requestToEngine(ExchangeType type, List<Payload> payloads) {
    return wire(IkeHeader.request(SPI_I, SPI_R, type, gatewayMid++, false), payloads, false);
  }

  /** Our answer to the gateway's last request, as the gateway decrypts it. */
  IkeMessage answerToGateway(ExchangeType type, List<Payload> payloads) {
    IkeHeader request = IkeHeader.request(SPI_I, SPI_R, type, gatewayMid - 1, false);
    return wire(IkeHeader.responseTo(request), payloads, true);
  }

  private IkeMessage wire(IkeHeader h, List<Payload> payloads, boolean fromEngine) {
    try {
      byte[] datagram = IkeMessage.protectedMessage(h, payloads)
          .encode(fromEngine ? sa.keys().outbound() : gateway.outbound());
      return IkeMessage.decodeProtected(datagram,
          fromEngine ? gateway.inbound() : sa.keys().inbound());
    } catch (Exception e) {
      throw new AssertionError("message did not survive the wire: " + e, e);
    }
  }

  /** What the tasks told the session. */
  static final class Hooks implements SessionHooks {
    final List<ChildSa> installed = new ArrayList<>();
    final List<ChildSa[]> rekeyed = new ArrayList<>();
    final List<Long> childRetries = new ArrayList<>();
    final List<Duration> ikeRetries = new ArrayList<>();
    final List<RekeyedIkeSa> ikeRekeys = new ArrayList<>();
    final List<IkeRekeyOutcome> ikeOutcomes = new ArrayList<>();
    /** The {@code adoptPassive} of each collision resolved through the session. */
    final List<Boolean> collisionsResolved = new ArrayList<>();
    private long ids = 100;

    @Override
    public InetSocketAddress localAddress() {
      return new InetSocketAddress("198.51.100.10", 4500);
    }

    @Override
    public InetSocketAddress remoteAddress() {
      return GATEWAY;
    }

    @Override
    public void switchToNatT() {}

    @Override
    public boolean isNatT() {
      return true;
    }

    @Override
    public void insertAfter(Task anchor, List<Task> tasks) {
      throw new AssertionError("no tasks are inserted by a rekey");
    }

    @Override
    public void childSaInstalled(ChildSa child) {
      installed.add(child);
    }

    @Override
    public void childSaRekeyed(ChildSa previous, ChildSa current) {
      rekeyed.add(new ChildSa[] {previous, current});
    }

    @Override
    public void childSaDeletedByPeer(ChildSa child) {}

    @Override
    public void retryChildRekey(long inboundSpi, Duration delay) {
      childRetries.add(inboundSpi);
    }

    @Override
    public void retryIkeRekey(Duration delay) {
      ikeRetries.add(delay);
    }

    @Override
    public SaId newSaId() {
      return new SaId(ids++);
    }

    @Override
    public void ikeSaRekeyed(RekeyedIkeSa next, IkeRekeyOutcome outcome) {
      ikeRekeys.add(next);
      ikeOutcomes.add(outcome);
    }

    @Override
    public void resolveIkeRekeyCollision(boolean adoptPassive) {
      collisionsResolved.add(adoptPassive);
    }

    @Override
    public void addressesUpdated() {}
  }

  /** The data path: records what enters and leaves it, by CHILD SA id (our inbound SPI). */
  static final class Installer implements SaInstaller {
    final List<String> calls = new ArrayList<>();

    @Override
    public void install(EspSaPair pair) {
      calls.add("install " + Long.toHexString(pair.childSaId()));
      pair.wipeKeys();
    }

    @Override
    public void rekey(long oldChildSaId, EspSaPair newPair) {
      calls.add("rekey " + Long.toHexString(oldChildSaId) + " -> "
          + Long.toHexString(newPair.childSaId()));
      newPair.wipeKeys();
    }

    @Override
    public void rekeyInboundFirst(long oldChildSaId, EspSaPair newPair) {
      calls.add("rekeyInboundFirst " + Long.toHexString(oldChildSaId) + " -> "
          + Long.toHexString(newPair.childSaId()));
      newPair.wipeKeys();
    }

    @Override
    public void delete(long childSaId) {
      calls.add("delete " + Long.toHexString(childSaId));
    }

    @Override
    public void updatePeer(long childSaId, InetSocketAddress peer) {}

    @Override
    public void deleteAll() {
      calls.add("deleteAll");
    }

    @Override
    public void setListener(SaEventListener listener) {}
  }
}
