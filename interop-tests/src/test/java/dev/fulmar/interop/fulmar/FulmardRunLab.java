package dev.fulmar.interop.fulmar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.LabProcess;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The lab of a test class that drives {@code fulmard run} against the standard gateway, as a
 * JUnit extension ({@code @RegisterExtension static final FulmardRunLab LAB = ...}): before all
 * tests a lab (IPv4 only or dual stack), the standard gateway (dual stack with the lab unless
 * told otherwise, with any further settings a test names) and, if asked, the LAN host's iperf3
 * server; before each test the client namespace's {@link FulmardRun#systemState() system state}
 * as {@link #before()}; if asked, after each test the gateway must have deleted every SA of the
 * client within 15 s; after all tests the lab is closed (everything stopped by PID and deleted).
 */
public final class FulmardRunLab
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final String name;
  private final boolean dualStack;
  private final Pki pki;
  private boolean dualStackGateway;
  private UnaryOperator<GatewayConfig> gatewaySettings = UnaryOperator.identity();
  private boolean iperfServer;
  private boolean noSaAfterEachTest;
  private Lab lab;
  private StrongSwanGateway gateway;
  private FulmardRun fulmard;
  private String before;

  private FulmardRunLab(String name, boolean dualStack, Pki pki) {
    this.name = name;
    this.dualStack = dualStack;
    this.pki = pki;
    this.dualStackGateway = dualStack;
  }

  /** An IPv4 lab ({@link Lab#create}) with the standard gateway. */
  public static FulmardRunLab ipv4(String name, Pki pki) {
    return new FulmardRunLab(name, false, pki);
  }

  /** A dual-stack lab ({@link Lab#createDualStack}) with the dual-stack standard gateway. */
  public static FulmardRunLab dualStack(String name, Pki pki) {
    return new FulmardRunLab(name, true, pki);
  }

  /** A dual-stack lab whose gateway speaks IPv4 only: no IPv6 pool, LAN or traffic selector. */
  public FulmardRunLab withIpv4OnlyGateway() {
    this.dualStackGateway = false;
    return this;
  }

  /** Further settings of the standard gateway, e.g. {@code c -> c.connOption(k, v)}. */
  public FulmardRunLab withGateway(UnaryOperator<GatewayConfig> settings) {
    this.gatewaySettings = settings;
    return this;
  }

  /** After each test, the gateway must have deleted the client's SAs within 15 s. */
  public FulmardRunLab expectingNoSaAfterEachTest() {
    this.noSaAfterEachTest = true;
    return this;
  }

  /** Also starts the LAN host's iperf3 server. */
  public FulmardRunLab withIperfServer() {
    this.iperfServer = true;
    return this;
  }

  public Lab lab() {
    return lab;
  }

  public StrongSwanGateway gateway() {
    return gateway;
  }

  public FulmardRun fulmard() {
    return fulmard;
  }

  /** The client namespace's system state before the current test. */
  public String before() {
    return before;
  }

  /**
   * Stops {@code run} with SIGTERM; it must end, say "DOWN: system restored" and leave the
   * client namespace exactly as {@link #before()} the test (routes of both families, addresses,
   * resolver). The run's log goes to standard output.
   */
  public void stopAndCompare(LabProcess run) {
    run.stop(Duration.ofSeconds(30));
    assertThat(run.isAlive()).isFalse();
    System.out.println(FulmardRun.read(run.log()));
    assertThat(FulmardRun.read(run.log())).contains("DOWN: system restored");
    assertThat(fulmard.systemState()).isEqualTo(before);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    lab = dualStack ? Lab.createDualStack(name) : Lab.create(name);
    GatewayConfig config = gatewaySettings.apply(GatewayConfig.remoteAccess(pki));
    gateway = StrongSwanGateway.start(lab,
        (dualStackGateway ? config.dualStack() : config).build());
    if (iperfServer) {
      lab.startIperfServer();
    }
    fulmard = new FulmardRun(lab, pki);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    before = fulmard.systemState();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!noSaAfterEachTest) {
      return;
    }
    assertThat(gateway.awaitNoClientSa(Duration.ofSeconds(15))).as("SAs deleted at the gateway")
        .isTrue();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (lab != null) {
      lab.close();
    }
  }
}
