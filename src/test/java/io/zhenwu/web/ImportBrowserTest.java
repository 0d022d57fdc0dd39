package io.zhenwu.web;

import io.zhenwu.demo.DemoData;
import io.zhenwu.registry.CreditCode;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The import flow in real Chromium: a file with one bad row is refused with a report; fixed, it imports. */
@ZhenwuTest
class ImportBrowserTest {

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static String code(String serial) {
        String first17 = "91321183MA1B" + serial;
        return first17 + CreditCode.checkCharacter(first17);
    }

    void upload(Path file) {
        driver.get(url("/imports?type=enterprises"));
        new Select(driver.findElement(By.id("type"))).selectByValue("enterprises");
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
    }

    @Test
    void aFileWithOneBadRowIsRefusedThenImportsOnceFixed() throws IOException {
        driver = BrowserTestSupport.startChromium("import");
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(DemoData.DEMO_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        var wait = new WebDriverWait(driver, Duration.ofSeconds(20));

        String a = code("WB001"), b = code("WB002");
        String badB = b.substring(0, 17) + (b.charAt(17) == '0' ? '1' : '0');
        Path bad = dir.resolve("园区企业.csv");
        Files.writeString(bad, "统一社会信用代码,企业名称,所属单位代码,联系电话\n"
                + a + ",浏览器测试甲公司,XS-PARK,13800001111\n" + badB + ",浏览器测试乙公司,XS-PARK,13800002222\n");
        upload(bad);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-state"), "未导入"));
        assertThat(driver.findElement(By.id("job-result")).getText()).contains("1 行不符合要求");
        assertThat(driver.findElement(By.id("error-report")).getAttribute("href")).endsWith("/errors.xlsx");
        assertThat(driver.findElement(By.id("job-errors")).getText()).as("the row and the reason, inline")
                .contains("3").contains("校验位错误");
        BrowserTestSupport.screenshot(driver, "import-01-rejected.png");

        driver.get(url("/registry/enterprises?q=浏览器测试"));
        assertThat(driver.findElement(By.id("enterprise-results")).getText()).as("nothing written").doesNotContain("浏览器测试甲公司");

        Path fixed = dir.resolve("园区企业-改正.csv");
        Files.writeString(fixed, "统一社会信用代码,企业名称,所属单位代码,联系电话\n"
                + a + ",浏览器测试甲公司,XS-PARK,13800001111\n" + b + ",浏览器测试乙公司,XS-PARK,13800002222\n");
        upload(fixed);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-state"), "已导入"));
        assertThat(driver.findElement(By.id("job-inserted")).getText()).isEqualTo("2");
        BrowserTestSupport.screenshot(driver, "import-02-succeeded.png");

        driver.get(url("/registry/enterprises?q=浏览器测试"));
        String list = driver.findElement(By.id("enterprise-results")).getText();
        assertThat(list).contains("浏览器测试甲公司", "浏览器测试乙公司", a, b);
        BrowserTestSupport.screenshot(driver, "import-03-list.png");
        driver.findElement(By.linkText("浏览器测试甲公司")).click();
        assertThat(driver.findElement(By.id("contact-phone")).getText()).as("masked by default").isEqualTo("138****1111");
    }
}
