package dev.fulmar.interop.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * strongSwan's own client (a second charon-systemd) in the lab's client namespace, configured
 * with a {@link CharonConfig} (usually from {@link ClientConfig}). It proves the lab and is the
 * baseline for handshake times and throughput.
 *
 * <pre>{@code
 * StrongSwanClient client = StrongSwanClient.start(lab, ClientConfig.eapMschapv2(pki).build());
 * Handshake h = client.initiate("lan");   // throws with the daemon's log if it fails
 * System.out.println("handshake " + h.millis());
 * }</pre>
 */
public final class StrongSwanClient extends StrongSwanInstance {
  static final Duration INITIATE_TIMEOUT = Duration.ofSeconds(30);

  private StrongSwanClient(CharonDaemon daemon) {
    super(daemon);
  }

  /** Starts a strongSwan 5.9.8 client. */
  public static StrongSwanClient start(Lab lab, CharonConfig config) {
    return start(lab, config, StrongSwanVersion.V5_9);
  }

  /** Starts a client of the given strongSwan build and loads {@code config}. */
  public static StrongSwanClient start(Lab lab, CharonConfig config, StrongSwanVersion version) {
    CharonDaemon d = new CharonDaemon(lab, lab.client(), "client", config, version);
    d.start();
    return new StrongSwanClient(d);
  }

  /**
   * Initiates the CHILD_SA {@code child} (and its IKE_SA) and waits until it is installed; throws
   * with the handshake's log if the daemon reports a failure.
   */
  public Handshake initiate(String child) {
    Handshake h = tryInitiate(null, child, INITIATE_TIMEOUT);
    if (!h.success()) {
      throw new LabException("strongSwan client could not establish " + child + ": " + h.error()
          + "\n" + String.join("\n", h.log()) + "\nclient log " + logFile() + ", gateway log in "
          + daemon.lab().dir());
    }
    return h;
  }

  /** Initiates {@code child} of connection {@code ike} (null: any) and reports the outcome. */
  public Handshake tryInitiate(String ike, String child, Duration timeout) {
    ViciMessage.Builder args = ViciMessage.builder()
        .put("child", child)
        .put("timeout", Long.toString(timeout.toMillis()))
        .put("init-limits", "no")
        .put("loglevel", "1");
    if (ike != null) {
      args.put("ike", ike);
    }
    List<String> log = new ArrayList<>();
    ViciMessage answer;
    long t0 = System.nanoTime();
    try (Vici vici = daemon.vici()) {
      answer = vici.stream("initiate", args.build(), "control-log",
          m -> log.add(m.get("msg")), timeout.plusSeconds(5));
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
    boolean ok = "yes".equals(answer.get("success"));
    return new Handshake(ok, elapsed, ok ? null : answer.get("errmsg"), List.copyOf(log));
  }

  /** Deletes every IKE_SA of this client (each sends DELETE to the gateway and waits). */
  public void terminateAll() {
    for (IkeSa sa : listSas()) {
      ViciMessage answer = call("terminate", ViciMessage.builder()
          .put("ike-id", sa.uniqueId())
          .put("timeout", Long.toString(INITIATE_TIMEOUT.toMillis()))
          .build());
      if (!"yes".equals(answer.get("success"))) {
        throw new LabException("terminate " + sa.name() + " failed: " + answer.get("errmsg"));
      }
    }
  }

  /**
   * Connects and disconnects {@code times} times and returns each handshake (initiate → CHILD_SA
   * installed); the baseline for handshake-time comparisons.
   */
  public List<Handshake> repeatHandshakes(String child, int times) {
    List<Handshake> all = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      all.add(initiate(child));
      terminateAll();
    }
    return all;
  }

  /** Deletes every IKE_SA of connection {@code ike} (sends DELETE to the gateway). */
  public void terminate(String ike) {
    ViciMessage answer = call("terminate", ViciMessage.builder()
        .put("ike", ike)
        .put("timeout", Long.toString(INITIATE_TIMEOUT.toMillis()))
        .build());
    if (!"yes".equals(answer.get("success"))) {
      throw new LabException("terminate " + ike + " failed: " + answer.get("errmsg"));
    }
  }
}
