// gql sends one GraphQL request to the server's own endpoint and returns
// its data, throwing the first error's message.
export async function gql(config, query, variables) {
  const res = await fetch(config.endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try {
    body = await res.json();
  } catch {
    throw new Error(`the server answered ${res.status} without JSON`);
  }
  if (body.errors && body.errors.length) throw new Error(body.errors[0].message);
  if (!res.ok) throw new Error(`the server answered ${res.status}`);
  return body.data;
}
