package dev.incidenttimeline.projections;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A host that adds nothing but the libraries and a database, as an embedding service would. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestHost {
}
