// One OpenSearch node in this JVM, from the Maven Central artifacts: the server, HTTP
// (Netty4Plugin) and the analysis modules (CommonAnalysisPlugin), no distribution needed.
package org.newsearch.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * Starts one node and keeps it running until the JVM is stopped.
 *
 * <p>Usage: {@code Launcher HOME NODE_NAME HTTP_PORT TRANSPORT_PORT [SEED_TRANSPORT_PORTS]
 * [key=value...]}: with no seed ports (or "-") the node is a single-node cluster; otherwise
 * the seeds are comma-separated loopback transport ports, and the nodes named {@code node-1}
 * to {@code node-N} (N the number of seeds) elect the first cluster manager. Extra
 * {@code key=value} arguments are node settings (for example
 * {@code thread_pool.write.queue_size=2}).
 *
 * <p>When the environment variable {@code NEWSEARCH_WATCH_PID} names a process, the node
 * halts as soon as that process ends: a test run that dies (even by SIGKILL) leaves no JVM.
 */
public final class Launcher {
    private Launcher() {}

    /** A node with the plugins a distribution would load from its modules folder. */
    static final class PluginNode extends Node {
        PluginNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    /** Halts this JVM when the process named by NEWSEARCH_WATCH_PID ends. */
    private static void watchParent() {
        String watched = System.getenv("NEWSEARCH_WATCH_PID");
        if (watched == null || watched.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(watched));
        if (parent.isEmpty()) {
            Runtime.getRuntime().halt(1);
        }
        parent.get().onExit().thenRun(() -> Runtime.getRuntime().halt(1));
    }

    public static void main(String[] arguments) throws Exception {
        if (arguments.length < 4) {
            System.err.println(
                "usage: Launcher HOME NODE_NAME HTTP_PORT TRANSPORT_PORT [SEED_PORTS|-] [key=value...]");
            System.exit(2);
        }
        Path home = Path.of(arguments[0]).toAbsolutePath();
        String nodeName = arguments[1];
        Settings.Builder settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", "newsearch-local")
            .put("node.name", nodeName)
            .put("network.host", "127.0.0.1")
            .put("http.port", arguments[2])
            .put("transport.port", arguments[3])
            // A laptop's disk is often fuller than the default watermarks allow.
            .put("cluster.routing.allocation.disk.threshold_enabled", false);
        String seeds = arguments.length > 4 ? arguments[4] : "-";
        if (seeds.equals("-")) {
            settings.put("discovery.type", "single-node");
        } else {
            List<String> ports = Arrays.asList(seeds.split(","));
            settings.putList("discovery.seed_hosts",
                ports.stream().map(port -> "127.0.0.1:" + port).toList());
            settings.putList("cluster.initial_cluster_manager_nodes",
                java.util.stream.IntStream.rangeClosed(1, ports.size())
                    .mapToObj(index -> "node-" + index).toList());
        }
        for (int index = 5; index < arguments.length; index++) {
            String[] pair = arguments[index].split("=", 2);
            if (pair.length != 2) {
                System.err.println("not a key=value setting: " + arguments[index]);
                System.exit(2);
            }
            settings.put(pair[0], pair[1]);
        }
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings.build(), Map.of(), null, () -> nodeName);
        Node node = new PluginNode(environment, List.of(Netty4Plugin.class, CommonAnalysisPlugin.class));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception error) {
                System.err.println("closing the node: " + error);
            }
            stopped.countDown();
        }));
        // The pid, for `opensearch/cluster stop` and the tests (a wrapper such as setsid may
        // have forked, so the shell's $! is not always this JVM).
        Files.writeString(home.resolve("node.pid"), ProcessHandle.current().pid() + "\n");
        try {
            node.start();
        } catch (Exception error) {
            System.err.println("newsearch-launcher: " + nodeName + " did not start: " + error);
            Runtime.getRuntime().halt(1);
        }
        watchParent();
        System.out.println("newsearch-launcher: " + nodeName + " started, http 127.0.0.1:" + arguments[2]);
        stopped.await();
    }
}
