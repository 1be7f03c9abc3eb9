package io.github.mistralobs.sample.monitoring;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A real {@code prometheus} server on a free loopback port, run from a copy of
 * {@code prometheus/prometheus.yml} that scrapes a given port every second and loads the
 * repository's rule files. Storage and logs live in a directory of the caller's choice.
 */
final class PrometheusProcess implements AutoCloseable {

	private final Process process;

	private final String baseUrl;

	private final Path log;

	private final HttpClient httpClient = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final ObjectMapper objectMapper = new ObjectMapper();

	private PrometheusProcess(Process process, String baseUrl, Path log) {
		this.process = process;
		this.baseUrl = baseUrl;
		this.log = log;
	}

	static PrometheusProcess start(Path binary, int appPort, Path workDirectory) throws IOException {
		Path config = writeConfig(appPort, workDirectory.resolve("prometheus.yml"));
		String address = "127.0.0.1:" + freePort();
		Path log = workDirectory.resolve("prometheus.log");
		Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + workDirectory.resolve("data"), "--web.listen-address=" + address)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		return new PrometheusProcess(process, "http://" + address, log);
	}

	@SuppressWarnings("unchecked")
	private static Path writeConfig(int appPort, Path target) throws IOException {
		Map<String, Object> config;
		try (Reader reader = Files.newBufferedReader(MonitoringFiles.prometheusConfig())) {
			config = new Yaml().load(reader);
		}
		Map<String, Object> global = (Map<String, Object>) config.get("global");
		global.put("scrape_interval", "1s");
		global.put("evaluation_interval", "1s");
		Path rulesBase = MonitoringFiles.prometheusDirectory();
		config.put("rule_files",
				((List<String>) config.get("rule_files")).stream()
					.map((rule) -> rulesBase.resolve(rule).toString())
					.toList());
		for (Map<String, Object> scrape : (List<Map<String, Object>>) config.get("scrape_configs")) {
			for (Map<String, Object> targets : (List<Map<String, Object>>) scrape.get("static_configs")) {
				targets.put("targets", List.of("127.0.0.1:" + appPort));
			}
		}
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		try (Writer writer = Files.newBufferedWriter(target)) {
			new Yaml(options).dump(config, writer);
		}
		return target;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	boolean isReady() {
		try {
			return get("/-/ready").statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Run an instant query.
	 * @param expression the PromQL expression
	 * @return the whole API answer: {@code status}, then {@code data} or {@code error}
	 */
	JsonNode query(String expression) {
		return api("/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
	}

	JsonNode api(String pathAndQuery) {
		try {
			return this.objectMapper.readTree(get(pathAndQuery).body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private HttpResponse<String> get(String pathAndQuery) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + pathAndQuery))
			.timeout(Duration.ofSeconds(10))
			.build();
		try {
			return this.httpClient.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

}
