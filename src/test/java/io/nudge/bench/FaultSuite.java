package io.nudge.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.nudge.testing.KafkaBroker;

/**
 * The fault suite (bench/faults): the packaged service on loopback under steady load while faults are injected one at a
 * time. For each fault it prints the requests sent, the 5xx answers, the answers, the decision events written and those
 * counted dropped, and the answers unaccounted for (answers - written - dropped), which must be 0, as must the 5xx.
 * It exits 1 when a row does not hold. Usage: FaultSuite (from the project root, after ./mvnw package).
 */
public final class FaultSuite {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WORK = Path.of("target", "fault-suite").toAbsolutePath();
    private static final String TOKEN = UUID.randomUUID().toString();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String CART = read(Path.of("bench/carts/3-lines.json"));
    /** The lines of the feeds the suite serves, and how it serves them now. */
    private static final AtomicReference<String> FEED_MODE = new AtomicReference<>("whole");

    private FaultSuite() {
    }

    /** What is done to the service while the load runs. */
    @FunctionalInterface
    private interface Fault {
        void inject() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        delete(WORK);
        Files.createDirectories(WORK.resolve("drafts"));
        copy(Path.of("rules"), WORK.resolve("rules"));
        HttpServer feeds = feedServer();
        String feedBase = "http://127.0.0.1:" + feeds.getAddress().getPort() + "/";
        List<String> rows = new ArrayList<>();
        boolean held = true;
        try {
            List<String> common = List.of("-Dnudge.rules.dir=" + WORK.resolve("rules"), "-Dnudge.rules.reload=manual",
                    "-Dnudge.access.admin-token=" + TOKEN, "-Dnudge.rules.drafts=" + WORK.resolve("drafts"),
                    "-Dnudge.rules.preview-timeout=5s", "-Dnudge.decision.deadline=300ms",
                    "-Dnudge.catalog.feed=" + Stream.of("us", "eu", "gb", "jp").map(m -> feedBase + "products-" + m + ".tsv")
                            .reduce((a, b) -> a + "," + b).orElseThrow(),
                    "-Dnudge.catalog.download-timeout=3s", "-Dnudge.catalog.max-download-size=4M");

            Path events = WORK.resolve("events");
            try (Service service = Service.start(18090, WORK.resolve("app-file.log"), concat(common,
                    "-Dnudge.events.file=" + events.resolve("events.jsonl"), "-Dnudge.events.carts=true"))) {
                rows.add(service.underLoad("none (the baseline)", null, () -> pause(4)));
                rows.add(service.underLoad("the event folder replaced by a file, then restored", null, () -> {
                    delete(events);
                    write(events, "not a folder");
                    pause(4);
                    delete(events);
                    Files.createDirectories(events);
                }));
                String faulty = read(Path.of("src/test/resources/faulty-rules/faulty.drl"));
                write(WORK.resolve("rules/faulty.drl"), faulty);
                service.admin("POST", "/v1/rules/reload", 200);
                rows.add(service.underLoad("a rule that throws an Error (a stack overflow)", withSku("OVERFLOWS"), () -> pause(4)));
                rows.add(service.underLoad("a rule that keeps re-activating itself (quarantined at its third)", withSku("LOOPS"), () -> pause(4)));
                rows.add(service.underLoad("a rule that blocks past the deadline (quarantined at its third)", withSku("BLOCKS"),
                        () -> pause(12)));
                Files.delete(WORK.resolve("rules/faulty.drl"));
                service.admin("POST", "/v1/rules/reload", 200);
                write(WORK.resolve("drafts/stalls/stalls.drl"), """
                        package nudge;
                        import io.nudge.vocabulary.*;
                        import java.util.concurrent.locks.LockSupport;

                        rule "Waits for a service that never answers"
                            @description("Parks a minute for every cart.")
                        when
                            Cart()
                        then
                            LockSupport.parkNanos( 60_000_000_000L );
                        end
                        """);
                rows.add(service.underLoad("a preview whose draft rule never returns (stopped at 5 s)", null,
                        () -> service.admin("POST", "/v1/rules/preview?draft=stalls", 422)));
                rows.add(service.underLoad("reloads and rollbacks racing", null, () -> {
                    String first = service.version();
                    Path shipping = WORK.resolve("rules/shipping.drl");
                    String original = read(shipping);
                    for (int i = 0; i < 5; i++) {
                        write(shipping, original + "\n// edit " + i + "\n");
                        CompletableFuture<Integer> reload = CompletableFuture.supplyAsync(() -> service.admin("POST", "/v1/rules/reload", 0));
                        CompletableFuture<Integer> rollback = CompletableFuture.supplyAsync(
                                () -> service.admin("POST", "/v1/rules/rollback/" + first, 0));
                        CompletableFuture.allOf(reload, rollback).join();
                    }
                    write(shipping, original);
                    service.admin("POST", "/v1/rules/reload", 0);
                }));
                rows.add(service.underLoad("a feed URL that stalls (catalog reload refused at 3 s)", null, () -> {
                    FEED_MODE.set("stall");
                    service.admin("POST", "/v1/catalog/reload", 422);
                }));
                rows.add(service.underLoad("a feed URL that sends without end (refused at 4 MB)", null, () -> {
                    FEED_MODE.set("endless");
                    service.admin("POST", "/v1/catalog/reload", 422);
                    FEED_MODE.set("whole");
                }));
            }

            try (Service service = Service.start(18091, WORK.resolve("app-full.log"), concat(common, "-Dnudge.events.file=/dev/full"))) {
                rows.add(service.underLoad("the disk full (events to /dev/full)", null, () -> pause(4)));
            }

            KafkaBroker broker = new KafkaBroker();
            String bootstrap = broker.start().get("kafka.bootstrap.servers");
            try (Service service = Service.start(18092, WORK.resolve("app-kafka.log"), concat(common, "-Dquarkus.profile=prod,kafka",
                    "-Dkafka.bootstrap.servers=" + bootstrap, "-Dquarkus.log.category.\"org.apache.kafka\".level=ERROR")).toKafka(broker)) {
                rows.add(service.underLoad("the Kafka broker stopped 5 s, then restarted", null, () -> {
                    broker.stopBroker();
                    pause(5);
                    broker.startBroker();
                }));
            } finally {
                broker.stop();
            }
        } finally {
            feeds.stop(0);
        }
        System.out.println("| Fault | Requests | 5xx | Answers | Decision events written | Counted dropped | Unaccounted |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (String row : rows) {
            System.out.println(row);
            held &= row.endsWith("| 0 |") && row.split("\\|")[3].strip().equals("0");
        }
        System.exit(held ? 0 : 1);
    }

    /** The packaged service, started for the suite and stopped after it; {@code kafka} is the broker its events go to, if any. */
    private record Service(Process process, int port, Path log, KafkaBroker kafka) implements AutoCloseable {

        Service toKafka(KafkaBroker broker) {
            return new Service(process, port, log, broker);
        }

        static Service start(int port, Path log, List<String> options) throws Exception {
            List<String> command = new ArrayList<>(List.of("java", "-Dquarkus.http.port=" + port));
            command.addAll(options);
            command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Service service = new Service(process, port, log, null);
            long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (service.status("GET", "/q/health/ready", null) != 200) {
                if (!process.isAlive() || System.nanoTime() > until) {
                    throw new IllegalStateException("the service did not start: see " + log);
                }
                Thread.sleep(100);
            }
            return service;
        }

        /** Runs {@code fault} while four clients post carts (one in ten {@code faultyCart}, if any), then counts. */
        String underLoad(String name, String faultyCart, Fault fault) throws Exception {
            AtomicLong requests = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            AtomicLong answers = new AtomicLong();
            AtomicBoolean loading = new AtomicBoolean(true);
            double writtenBefore = metric("nudge_events_written_total");
            double droppedBefore = metric("nudge_events_dropped_total");
            double auditBefore = auditLines();
            Set<String> answered = ConcurrentHashMap.newKeySet();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                Thread client = new Thread(() -> {
                    long n = 0;
                    while (loading.get()) {
                        String body = faultyCart != null && n++ % 10 == 0 ? faultyCart : CART;
                        requests.incrementAndGet();
                        try {
                            HttpResponse<String> answer = HTTP.send(request("POST", "/v1/nudges", body, false), HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() >= 500) {
                                errors.incrementAndGet();
                            } else if (answer.statusCode() == 200) {
                                answers.incrementAndGet();
                                answered.add(JSON.readTree(answer.body()).path("decisionId").asText());
                            }
                        } catch (IOException | InterruptedException e) {
                            errors.incrementAndGet();
                        }
                    }
                });
                client.start();
                clients.add(client);
            }
            pause(2);
            fault.inject();
            pause(2);
            loading.set(false);
            for (Thread client : clients) {
                client.join();
            }
            long written;
            long dropped;
            if (kafka == null) {
                // Settled once every event has been written or dropped: the log stops counting.
                double last = -1;
                double now = metric("nudge_events_written_total") + metric("nudge_events_dropped_total");
                while (now != last) {
                    pause(1);
                    last = now;
                    now = metric("nudge_events_written_total") + metric("nudge_events_dropped_total");
                }
                // The rules' own events (audit) are in the counts too: each logs one audit line.
                written = Math.round(metric("nudge_events_written_total") - writtenBefore - (auditLines() - auditBefore));
                dropped = Math.round(metric("nudge_events_dropped_total") - droppedBefore);
            } else {
                // A record sent to the broker may be refused later: delivered is what the topic holds.
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                Set<String> delivered;
                do {
                    pause(1);
                    delivered = kafka.events().stream().filter(event -> event.path("event").asText().equals("decision"))
                            .map(event -> event.path("decisionId").asText()).collect(Collectors.toSet());
                    delivered.retainAll(answered);
                    dropped = Math.round(metric("nudge_events_dropped_total") - droppedBefore);
                } while (delivered.size() + dropped < answers.get() && System.nanoTime() < deadline);
                written = delivered.size();
            }
            return "| " + name + " | " + requests.get() + " | " + errors.get() + " | " + answers.get() + " | " + written + " | "
                    + dropped + " | " + (answers.get() - written - dropped) + " |";
        }

        String version() {
            try {
                return JSON.readTree(HTTP.send(request("GET", "/v1/rules", null, false), HttpResponse.BodyHandlers.ofString()).body())
                        .path("version").asText();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Sends an admin command; {@code expected} 0 takes any answer but a 5xx. */
        int admin(String method, String path, int expected) {
            int status = status(method, path, TOKEN);
            if (status >= 500 || expected != 0 && status != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + status + " instead of " + expected);
            }
            return status;
        }

        private int status(String method, String path, String token) {
            try {
                return HTTP.send(request(method, path, null, token != null), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }

        private HttpRequest request(String method, String path, String body, boolean admin) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
            if (admin) {
                request.header("Authorization", "Bearer " + TOKEN);
            }
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            return request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
        }

        /** The sum of a metric's series, whatever their tags. */
        double metric(String name) {
            try {
                String text = HTTP.send(request("GET", "/q/metrics", null, false), HttpResponse.BodyHandlers.ofString()).body();
                Matcher series = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(text);
                double sum = 0;
                while (series.find()) {
                    sum += Double.parseDouble(series.group(2));
                }
                return sum;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Lines the audit trail logged so far: each is one rules event. */
        private long auditLines() throws IOException {
            try (Stream<String> lines = Files.lines(log)) {
                return lines.filter(line -> line.contains("[nudge.audit]")).count();
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    private static String withSku(String sku) {
        return "{\"cart\": {\"currency\": \"USD\", \"items\": [{\"sku\": \"" + sku + "\", \"quantity\": 1, \"price\": 1.00}]}}";
    }

    /** The demo catalog's feeds over HTTP: whole, stalled after the headers, or without end. */
    private static HttpServer feedServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String file = exchange.getRequestURI().getPath().substring(1);
            byte[] feed = Files.readAllBytes(Path.of("rules/catalog").resolve(file));
            try (OutputStream body = exchange.getResponseBody()) {
                switch (FEED_MODE.get()) {
                    case "stall" -> {
                        exchange.sendResponseHeaders(200, 0);
                        body.write(feed, 0, 100);
                        body.flush();
                        pause(10);
                    }
                    case "endless" -> {
                        exchange.sendResponseHeaders(200, 0);
                        while (true) {
                            body.write(feed);
                        }
                    }
                    default -> {
                        exchange.sendResponseHeaders(200, feed.length);
                        body.write(feed);
                    }
                }
            } catch (IOException hungUp) {
                // the service stopped reading: what these modes are for
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    private static List<String> concat(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all;
    }

    private static void pause(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
