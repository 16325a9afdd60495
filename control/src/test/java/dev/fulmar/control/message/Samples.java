package dev.fulmar.control.message;

import dev.fulmar.profiles.codec.ProfileCodec;
import dev.fulmar.profiles.model.Profile;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One filled-in example of every message type, for round trips and the protocol document. */
public final class Samples {
  /** A .vpn document as the profiles module reads it. */
  public static final String PROFILE_VPN = """
      {"format":"fulmar-profile","version":1,"id":"7d1c0d6e-2f7c-4c7b-9f59-0f4d8c1f7e11",
       "name":"Office","gateway":{"host":"vpn.example.net"},
       "auth":{"method":"eap-mschapv2","username":"alice"}}""";

  private Samples() {}

  public static Profile profile() {
    return ProfileCodec.read(PROFILE_VPN).profile();
  }

  public static Failure failure() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("names", "vpn.example.net");
    details.put("expected", "192.0.2.1");
    details.put("fingerprint", "3F:A1:00:9C");
    return new Failure("IKE_AUTH", "GATEWAY_IDENTITY_MISMATCH",
        "the gateway's certificate names vpn.example.net, but the profile connects to 192.0.2.1",
        "set remote id or use the DNS name", details);
  }

  public static SessionDetails session() {
    return new SessionDetails("192.0.2.1:4500", "alice", "vpn.example.net",
        "CN=vpn.example.net", "EAP-MSCHAPv2", "aes256gcm16-prfsha384-ecp384", "aes256gcm16",
        List.of("ecp384"), List.of("10.8.0.2"), List.of("10.8.0.1"), List.of("corp.example"),
        false, List.of("10.0.0.0/8"), "NAT on our side", true, false);
  }

  public static TunnelStatus connected() {
    return new TunnelStatus(TunnelState.CONNECTED, "Office", "vpn.example.net",
        1_767_225_600_000L, null, session());
  }

  public static Stats stats() {
    return new Stats(1_767_225_601_000L, 123_456, 65_432, 321, 210, 2048, 1024);
  }

  public static LogLine logLine() {
    return new LogLine(42, 1_767_225_600_500L, LogLevel.INFO, "ike[Office]",
        "IKE_SA established with vpn.example.net");
  }

  public static Credentials credentials() {
    return new Credentials("alice", SecretText.of("correct horse".toCharArray()), null, null);
  }

  /** One example per message class, in {@link MessageTypes#all()} order. */
  public static Map<Class<? extends Message>, Message> all() {
    Map<Class<? extends Message>, Message> m = new LinkedHashMap<>();
    put(m, new Hello(1, 1, "fulmar-cli", "0.1.0"));
    put(m, new ListProfiles());
    put(m, Connect.byName("Office", credentials()));
    put(m, new Disconnect());
    put(m, new StatusRequest());
    put(m, new Subscribe(EnumSet.of(Topic.STATE, Topic.STATS)));
    put(m, new Unsubscribe(Set.of(Topic.LOG)));
    put(m, AnswerPrompt.answer("p-1", "alice", "correct horse".toCharArray()));
    put(m, new Diagnose(null, profile(), Credentials.eapPassword("pw".toCharArray())));
    put(m, new GetLogs(200, 0));
    put(m, new GetBundle());
    put(m, new GetPolicy());
    put(m, new SetPolicy(new Policy("vpnadmins", false, Policy.KillSwitchRule.ALWAYS_ON, true)));
    put(m, new SaveSystemProfile(profile()));
    put(m, new DeleteSystemProfile("Office"));
    put(m, new Welcome(1, "0.1.0", new PeerInfo(1000, "alice", Role.OPERATOR)));
    put(m, new ProfileList(List.of(new ProfileSummary("7d1c0d6e-2f7c-4c7b-9f59-0f4d8c1f7e11",
        "Office", ProfileSummary.Source.SYSTEM, "vpn.example.net", "eap-mschapv2"))));
    put(m, new StatusReport(connected(), stats()));
    put(m, new Ok());
    put(m, new ErrorReply(ErrorCode.CONNECT_FAILED, "the connection failed at IKE_AUTH",
        failure(), List.of()));
    put(m, new DiagnoseReport(true, "Office", "vpn.example.net", 412, session(), null,
        List.of("used source port 50123 instead of 500 (not running as root)")));
    put(m, new LogLines(List.of(logLine())));
    put(m, new BundleData("fulmar-diagnostics-20260101-000000.zip", new byte[] {80, 75, 5, 6}));
    put(m, new PolicyReport(Policy.DEFAULT));
    put(m, new StateEvent(new TunnelStatus(TunnelState.ERROR, "Office", "vpn.example.net",
        1_767_225_600_000L, failure(), null)));
    put(m, new StatsEvent(stats()));
    put(m, new LogEvent(logLine()));
    put(m, new PromptEvent("p-1", PromptKind.EAP_CREDENTIALS, "Office", "alice",
        "the gateway vpn.example.net (authenticated) asks for the password of alice", null));
    return m;
  }

  private static void put(Map<Class<? extends Message>, Message> m, Message msg) {
    m.put(msg.getClass(), msg);
  }
}
