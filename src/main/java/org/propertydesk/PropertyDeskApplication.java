package org.propertydesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PropertyDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(PropertyDeskApplication.class, args);
    }
}
