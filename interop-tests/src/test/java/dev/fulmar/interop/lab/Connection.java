package dev.fulmar.interop.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code connections.<name>} entry of swanctl.conf, built in Java. The typed methods cover what
 * the lab's tests vary; {@link #set} reaches any other swanctl.conf setting of the connection.
 *
 * <pre>{@code
 * Connection.named("rw-eap")
 *     .proposals("aes256gcm16-prfsha384-ecp384")
 *     .pools("pool4")
 *     .local(Auth.pubkey(gatewayCert))
 *     .remote(Auth.of("eap-mschapv2").eapId("%any"))
 *     .child(Child.named("lan").localTs(Lab.LAN_SUBNET).espProposals("aes256gcm16"));
 * }</pre>
 */
public final class Connection {
  private final String name;
  private final ConfTree tree = new ConfTree();
  private final List<Credential> credentials = new ArrayList<>();
  private int localRounds;
  private int remoteRounds;

  private Connection(String name) {
    this.name = name;
    tree.set("version", "2");
  }

  /** A new IKEv2 connection. */
  public static Connection named(String name) {
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("connection name must be [A-Za-z0-9_-]+: " + name);
    }
    return new Connection(name);
  }

  public String name() {
    return name;
  }

  /** Any setting of the connection, e.g. {@code set("unique", "replace")}. */
  public Connection set(String key, String value) {
    tree.set(key, value);
    return this;
  }

  public Connection localAddrs(String addrs) {
    return set("local_addrs", addrs);
  }

  public Connection remoteAddrs(String addrs) {
    return set("remote_addrs", addrs);
  }

  /** IKE proposals, e.g. {@code "aes256gcm16-prfsha384-ecp384,aes256-sha256-modp2048"}. */
  public Connection proposals(String proposals) {
    return set("proposals", proposals);
  }

  /** Virtual IPs to request (client side), e.g. {@code "0.0.0.0"}. */
  public Connection vips(String vips) {
    return set("vips", vips);
  }

  /** Address pools to hand out virtual IPs from (gateway side). */
  public Connection pools(String pools) {
    return set("pools", pools);
  }

  /** IKE fragmentation: yes, accept, force or no. */
  public Connection fragmentation(String mode) {
    return set("fragmentation", mode);
  }

  public Connection mobike(boolean on) {
    return set("mobike", on ? "yes" : "no");
  }

  /** Forces UDP encapsulation of ESP (the client fakes its NAT-D hash). */
  public Connection encap(boolean on) {
    return set("encap", on ? "yes" : "no");
  }

  /** Dead peer detection interval (liveness checks). */
  public Connection dpdDelay(Duration delay) {
    return set("dpd_delay", seconds(delay));
  }

  /** IKE SA rekeying interval; together with {@code over_time} it bounds the SA's life. */
  public Connection rekeyTime(Duration time) {
    return set("rekey_time", seconds(time));
  }

  public Connection reauthTime(Duration time) {
    return set("reauth_time", seconds(time));
  }

  public Connection overTime(Duration time) {
    return set("over_time", seconds(time));
  }

  /** Sets up an authentication round for this end (call again for a second round). */
  public Connection local(Auth auth) {
    localRounds++;
    tree.put(localRounds == 1 ? "local" : "local-" + localRounds, auth.tree());
    auth.credential().ifPresent(credentials::add);
    return this;
  }

  /** Sets up an authentication round for the peer (call again for a second round). */
  public Connection remote(Auth auth) {
    remoteRounds++;
    tree.put(remoteRounds == 1 ? "remote" : "remote-" + remoteRounds, auth.tree());
    return this;
  }

  public Connection child(Child child) {
    tree.section("children").put(child.name(), child.tree());
    return this;
  }

  /** The credentials the local end authenticates with (installed with the config). */
  List<Credential> credentials() {
    return List.copyOf(credentials);
  }

  ConfTree tree() {
    return tree;
  }

  static String seconds(Duration d) {
    return d.toSeconds() + "s";
  }
}
