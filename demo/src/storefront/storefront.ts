/** The storefront's only behaviour: filter products by the search box, filter stores by city, count the cart. */
const search = document.querySelector<HTMLFormElement>(".search form");
const query = document.querySelector<HTMLInputElement>("#haku");
const searchStatus = document.querySelector<HTMLElement>("#hakutulos");
const products = [...document.querySelectorAll<HTMLElement>(".product")];

function filterProducts(text: string): void {
  const words = text.toLocaleLowerCase("fi").split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const product of products) {
    const haystack = `${product.textContent ?? ""} ${product.dataset["category"] ?? ""}`.toLocaleLowerCase("fi");
    const match = words.every((word) => haystack.includes(word));
    product.hidden = !match;
    if (match) shown += 1;
  }
  if (searchStatus) searchStatus.textContent = words.length === 0 ? "" : `${shown} tuotetta haulla ”${text.trim()}”`;
}

search?.addEventListener("submit", (event) => {
  event.preventDefault();
  filterProducts(query?.value ?? "");
  document.querySelector("#tuotteet")?.scrollIntoView({ behavior: "smooth" });
});
query?.addEventListener("input", () => filterProducts(query.value));

const city = document.querySelector<HTMLSelectElement>("#kaupunki");
city?.addEventListener("change", () => {
  for (const store of document.querySelectorAll<HTMLElement>(".store")) store.hidden = city.value !== "" && store.dataset["city"] !== city.value;
});

let cartItems = 0;
const cartCount = document.querySelector<HTMLElement>("#ostoskori-maara");
const cartStatus = document.querySelector<HTMLElement>("#ostoskori-ilmoitus");
for (const button of document.querySelectorAll<HTMLButtonElement>(".add-to-cart")) {
  button.addEventListener("click", () => {
    cartItems += 1;
    if (cartCount) cartCount.textContent = String(cartItems);
    if (cartStatus) cartStatus.textContent = `${button.dataset["product"] ?? "Tuote"} lisätty ostoskoriin.`;
  });
}
