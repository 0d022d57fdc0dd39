package io.zhenwu.web;

import io.zhenwu.demo.DemoData;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A leader writes a template with a live preview (errors inline), saves it, renders the report and follows a number to its provenance. */
@ZhenwuTest
class ReportBrowserTest {

    @LocalServerPort
    int port;

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

    void type(WebElement textarea, String text) {
        // Chinese text is set directly; a real key press then fires htmx's keyup trigger.
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", textarea, text);
        textarea.sendKeys(" ");
    }

    @Test
    void editPreviewRenderAndFollowANumberToItsProvenance() {
        driver = BrowserTestSupport.startChromium("reports");
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys("leader");
        driver.findElement(By.id("password")).sendKeys(DemoData.DEMO_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        var wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));

        driver.get(url("/reports/templates/new"));
        String name = "浏览器测试模板" + System.nanoTime();
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id("name")), name);
        WebElement year = driver.findElement(By.id("preview-year"));
        year.clear();
        year.sendKeys("2023");
        WebElement body = driver.findElement(By.id("body"));
        type(body, "# 浏览器测试\n## 经济\n全镇实现地区生产总值{{indicators.gdp unit=亿元}}亿元，{{indicators.gdp show=growth}}。\n"
                + "全年共获得各级荣誉{{registry.honours.awarded}}项，其中国家级{{registry.honours.awarded level=NATIONAL colour=red}}项。");
        WebElement errors = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview #parse-errors")));
        assertThat(errors.getText()).contains("第 4 行", "列", "colour");
        BrowserTestSupport.screenshot(driver, "reports-01-parse-error.png");

        type(body, "# 浏览器测试\n## 经济\n全镇实现地区生产总值{{indicators.gdp unit=亿元}}亿元，{{indicators.gdp show=growth}}。\n"
                + "全年共获得各级荣誉{{registry.honours.awarded}}项，其中国家级{{registry.honours.awarded level=NATIONAL}}项。");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "全镇实现地区生产总值90亿元，同比增长6%"));
        assertThat(driver.findElements(By.cssSelector("#preview #parse-errors"))).isEmpty();
        assertThat(driver.findElement(By.id("preview")).getText()).contains("全年共获得各级荣誉45项，其中国家级20项");
        BrowserTestSupport.screenshot(driver, "reports-02-preview.png");
        driver.findElement(By.id("template-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.success"), "模板已保存"));

        driver.get(url("/reports"));
        WebElement row = driver.findElements(By.cssSelector("#templates tbody tr")).stream()
                .filter(r -> r.getText().contains(name)).findFirst().orElseThrow();
        WebElement reportYear = row.findElement(By.name("year"));
        reportYear.clear();
        reportYear.sendKeys("2023");
        row.findElement(By.cssSelector("button[id^=render-]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report a.figure")));
        assertThat(driver.findElement(By.id("report")).getText()).contains("全镇实现地区生产总值90亿元，同比增长6%");
        BrowserTestSupport.screenshot(driver, "reports-03-rendered.png");

        WebElement national = driver.findElements(By.cssSelector("#report a.figure[data-figure='registry.honours.awarded']")).get(1);
        assertThat(national.getText()).isEqualTo("20");
        national.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("provenance")));
        assertThat(driver.findElement(By.id("definition")).getText()).contains("荣誉");
        assertThat(driver.findElement(By.id("parameters")).getText()).contains("321183102000", "2023", "level=NATIONAL");
        assertThat(driver.findElement(By.id("printed")).getText()).isEqualTo("20 项");
        assertThat(driver.findElements(By.cssSelector("#records tbody tr"))).hasSize(20);
        BrowserTestSupport.screenshot(driver, "reports-04-provenance.png");
    }
}
